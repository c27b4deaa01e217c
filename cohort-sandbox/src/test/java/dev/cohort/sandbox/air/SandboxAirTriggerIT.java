package dev.cohort.sandbox.air;

import static dev.cohort.sandbox.air.AirTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SandboxAirTriggerIT {
    private static final String CLIENT_ID = "cohort-test";
    private static final String SECRET = "s3cret-77ab";

    private final TestClock clock = new TestClock(Instant.parse("2030-01-01T09:30:00.250Z"));
    private SandboxAirServer air;
    private AirTestClient client;

    @BeforeEach
    void start() {
        air = SandboxAirServer.builder().client(CLIENT_ID, SECRET).clock(clock)
                .action("APP_DOWNLOAD", 10_000).action("LATE_DELIVERY", 500)
                .tier("Bronze", 0).tier("Silver", 5_000).tier("Gold", 20_000)
                .wallet(AirIdentity.customerId("C0000001"), AirIdentity.email("ada@example.com"))
                .wallet(AirIdentity.customerId("C0000002"))
                .start();
        client = new AirTestClient(air, CLIENT_ID, SECRET);
    }

    @AfterEach
    void stop() {
        air.close();
    }

    @Test
    void aTriggerIssuesTheActionsPointsAndAnswersTheWalletTransaction() {
        HttpResponse<String> answer = client.trigger("ada@example.com", "late-delivery-42", "LATE_DELIVERY");

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.headers().firstValue(AirApi.REPLAYED_HEADER)).isEmpty();
        JsonNode transaction = json(answer);
        assertThat(transaction.get("transactionId").asString()).matches("[0-9]+");
        assertThat(transaction.get("walletId").asString()).isEqualTo("500001");
        assertThat(transaction.get("reference").asString()).isEqualTo("late-delivery-42");
        assertThat(transaction.get("type").asString()).isEqualTo("BEHAVIOURAL_ACTION_POINTS");
        assertThat(transaction.get("status").asString()).isEqualTo("SETTLED");
        assertThat(transaction.get("dateCreated").asString()).isEqualTo("2030-01-01T09:30:00+00:00");
        JsonNode account = transaction.get("accounts").get(0);
        assertThat(account.get("accountId").asString()).isEqualTo(air.wallet("500001").orElseThrow().pointsAccountId());
        assertThat(account.get("type").asString()).isEqualTo("POINTS");
        assertThat(account.get("value").asLong()).isEqualTo(500);
        assertThat(account.get("actionReference").asString()).isEqualTo("LATE_DELIVERY");
        assertThat(account.get("event").asString()).isEqualTo("CREDIT");
        assertThat(account.get("balancesBefore").get("current").asLong()).isZero();
        assertThat(account.get("balancesAfter").get("current").asLong()).isEqualTo(500);
        assertThat(account.get("balancesAfter").get("lifetime").asLong()).isEqualTo(500);
        assertThat(transaction.has("duplicate")).isFalse();
        assertThat(air.wallet("500001").orElseThrow().pointsBalance()).isEqualTo(500);
        assertThat(air.wallet("500001").orElseThrow().transactionReferences()).containsExactly("late-delivery-42");
    }

    @Test
    void theSameReferenceAgainAnswersTheSameTransactionAndIssuesNothing() {
        HttpResponse<String> first = client.trigger("C0000001", "late-delivery-42", "LATE_DELIVERY");
        clock.advance(java.time.Duration.ofMinutes(5));

        HttpResponse<String> again = client.trigger("C0000001", "late-delivery-42", "LATE_DELIVERY");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue(AirApi.REPLAYED_HEADER)).hasValue("true");
        tools.jackson.databind.node.ObjectNode replay = (tools.jackson.databind.node.ObjectNode) json(again);
        assertThat(replay.get("duplicate").asBoolean()).isTrue();
        replay.remove("duplicate");
        assertThat(replay).isEqualTo(json(first));
        assertThat(air.wallet("500001").orElseThrow().pointsBalance()).isEqualTo(500);
        assertThat(air.notifications()).extracting(AirNotification::eventName).containsExactly("SERVICE.TRIGGER");
        assertThat(air.events()).anySatisfy(event -> assertThat(event.describe()).contains("settled before", "nothing issued"));
    }

    @Test
    void theSameReferenceCanAnswer409WithTheEarlierTransaction() {
        air.close();
        air = SandboxAirServer.builder().client(CLIENT_ID, SECRET).action("LATE_DELIVERY", 500)
                .wallet(AirIdentity.customerId("C0000001")).duplicateAnswer(AirDuplicateAnswer.CONFLICT).start();
        client = new AirTestClient(air, CLIENT_ID, SECRET);
        JsonNode first = json(client.trigger("C0000001", "ref-1", "LATE_DELIVERY"));

        HttpResponse<String> again = client.trigger("C0000001", "ref-1", "LATE_DELIVERY");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("errorCode").asString()).isEqualTo("DUPLICATE_REFERENCE");
        assertThat(json(again).get("walletTransaction")).isEqualTo(first);
        assertThat(air.wallet("500001").orElseThrow().pointsBalance()).isEqualTo(500);
    }

    @Test
    void aReferenceUsedForAnotherWalletOrOtherActionsAnswers409() {
        client.trigger("C0000001", "ref-1", "LATE_DELIVERY");

        HttpResponse<String> otherWallet = client.trigger("C0000002", "ref-1", "LATE_DELIVERY");
        HttpResponse<String> otherAction = client.trigger("C0000001", "ref-1", "APP_DOWNLOAD");

        assertThat(otherWallet.statusCode()).isEqualTo(409);
        assertThat(otherAction.statusCode()).isEqualTo(409);
        assertThat(json(otherWallet).get("errorCode").asString()).isEqualTo("REFERENCE_CONFLICT");
        assertThat(air.wallet("500002").orElseThrow().pointsBalance()).isZero();
        assertThat(air.wallet("500001").orElseThrow().pointsBalance()).isEqualTo(500);
    }

    @Test
    void anIdentityValueOfNoWalletAnswers404WithoutEchoingIt() {
        HttpResponse<String> answer = client.trigger("nobody@example.com", "ref-1", "APP_DOWNLOAD");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(json(answer).get("errorCode").asString()).isEqualTo("WALLET_NOT_FOUND");
        assertThat(answer.body()).doesNotContain("nobody@example.com");
    }

    @Test
    void anUnknownActionAnswers400NamingItAndIssuesNothing() {
        HttpResponse<String> answer = client.trigger("C0000001", "ref-1", "APP_DOWNLOAD", "WELCOME_BONUS");

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode error = json(answer);
        assertThat(error.get("errorCode").asString()).isEqualTo("ACTION_NOT_FOUND");
        assertThat(error.get("errorMessage").asString()).contains("WELCOME_BONUS").contains("APP_DOWNLOAD, LATE_DELIVERY");
        assertThat(air.wallet("500001").orElseThrow().pointsBalance()).isZero();
        assertThat(client.trigger("C0000001", "ref-1", "APP_DOWNLOAD").statusCode()).isEqualTo(201);
    }

    @Test
    void anInvalidBodyAnswers400WithEveryProblem() {
        HttpResponse<String> answer = client.post(AirApi.TRIGGER_PATH, "{\"identityValue\":\"C0000001\",\"walletTransaction\":{},\"triggers\":[]}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).get("errorCode").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(json(answer).get("errorMessage").asString()).contains("walletTransaction.reference is required", "triggers is required");
    }

    @Test
    void malformedJsonAnswers400() {
        HttpResponse<String> answer = client.post(AirApi.TRIGGER_PATH, "{\"identityValue\":");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).get("errorCode").asString()).isEqualTo("INVALID_JSON");
    }

    @Test
    void unknownFieldsAreIgnored() {
        HttpResponse<String> answer = client.post(AirApi.TRIGGER_PATH, "{\"identityValue\":\"C0000001\",\"walletTransaction\":"
                + "{\"reference\":\"r\",\"meta\":{\"source\":\"cdp\"}},\"triggers\":[{\"reference\":\"LATE_DELIVERY\",\"x\":1}],\"y\":true}");

        assertThat(answer.statusCode()).isEqualTo(201);
    }

    @Test
    void severalTriggersMakeOneTransactionWithACreditEach() {
        JsonNode transaction = json(client.trigger("C0000001", "ref-1", "LATE_DELIVERY", "APP_DOWNLOAD"));

        JsonNode accounts = transaction.get("accounts");
        assertThat(accounts).hasSize(2);
        assertThat(accounts.get(0).get("value").asLong()).isEqualTo(500);
        assertThat(accounts.get(1).get("value").asLong()).isEqualTo(10_000);
        assertThat(accounts.get(1).get("balancesBefore").get("current").asLong()).isEqualTo(500);
        assertThat(accounts.get(1).get("balancesAfter").get("current").asLong()).isEqualTo(10_500);
        assertThat(accounts.get(0).get("accountTransactionId").asString()).isNotEqualTo(accounts.get(1).get("accountTransactionId").asString());
    }

    @Test
    void crossingAThresholdMovesTheTier() {
        assertThat(air.wallet("500001").orElseThrow().tier()).isEqualTo("Bronze");

        client.trigger("C0000001", "ref-1", "APP_DOWNLOAD");
        assertThat(air.wallet("500001").orElseThrow().tier()).isEqualTo("Silver");
        client.trigger("C0000001", "ref-2", "APP_DOWNLOAD");
        assertThat(air.wallet("500001").orElseThrow().tier()).isEqualTo("Gold");
        client.trigger("C0000001", "ref-3", "LATE_DELIVERY");

        assertThat(air.wallet("500001").orElseThrow().tier()).isEqualTo("Gold");
        assertThat(air.notifications()).extracting(AirNotification::eventName).containsExactly(
                "SERVICE.TRIGGER", "TIER.MEMBERSHIP.MOVE", "SERVICE.TRIGGER", "TIER.MEMBERSHIP.MOVE", "SERVICE.TRIGGER");
    }

    @Test
    void aWalletCreatedThroughTheApiCanBeRewarded() {
        HttpResponse<String> created = client.post(AirApi.WALLET_PATH,
                "{\"identities\":[{\"type\":\"CUSTOMER_ID\",\"value\":\"C0000042\"},{\"type\":\"MOBILE\",\"value\":\"+447700900042\"}]}");

        assertThat(created.statusCode()).isEqualTo(201);
        String walletId = json(created).get("wallet").get("walletId").asString();
        assertThat(json(created).get("identities")).hasSize(2);
        assertThat(json(created).get("accounts").get(0).get("type").asString()).isEqualTo("POINTS");
        assertThat(air.walletIdOf("+447700900042")).hasValue(walletId);
        assertThat(json(client.trigger("+447700900042", "ref-1", "LATE_DELIVERY")).get("walletId").asString()).isEqualTo(walletId);
    }

    @Test
    void aWalletWithAnIdentityValueInUseAnswers409() {
        HttpResponse<String> answer = client.post(AirApi.WALLET_PATH, "{\"identities\":[{\"type\":\"EMAIL\",\"value\":\"ada@example.com\"}]}");
        HttpResponse<String> invalid = client.post(AirApi.WALLET_PATH, "{\"identities\":[{\"type\":\"e-mail\",\"value\":\"x\"}]}");

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(json(answer).get("errorCode").asString()).isEqualTo("IDENTITY_EXISTS");
        assertThat(answer.body()).doesNotContain("ada@example.com");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).get("errorMessage").asString()).contains("identities[0]", "upper case");
    }

    @Test
    void theSandboxViewShowsAWallet() {
        client.trigger("C0000001", "ref-1", "APP_DOWNLOAD");

        JsonNode view = json(client.get("/sandbox/wallets/500001"));
        JsonNode list = json(client.get("/sandbox/wallets"));

        assertThat(view.get("wallet").get("walletId").asString()).isEqualTo("500001");
        assertThat(view.get("identities")).hasSize(2);
        assertThat(view.get("accounts").get(0).get("balances").get("current").asLong()).isEqualTo(10_000);
        assertThat(view.get("tier").asString()).isEqualTo("Silver");
        assertThat(view.get("transactionReferences").get(0).asString()).isEqualTo("ref-1");
        assertThat(list.get("wallets")).hasSize(2);
        assertThat(client.get("/sandbox/wallets/999").statusCode()).isEqualTo(404);
    }

    @Test
    void walletsAndTiersAreReadable() {
        List<AirWallet> wallets = air.wallets();

        assertThat(wallets).extracting(AirWallet::walletId).containsExactly("500001", "500002");
        assertThat(wallets.getFirst().identities()).extracting(AirIdentity::type).containsExactly("CUSTOMER_ID", "EMAIL");
        assertThat(wallets.getFirst().toString()).doesNotContain("ada@example.com");
        assertThat(air.actionReferences()).containsExactly("APP_DOWNLOAD", "LATE_DELIVERY");
    }
}
