package dev.cohort.sandbox.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SandboxAirNotificationsIT {
    private static final String CLIENT_ID = "cohort-test";
    private static final String SECRET = "s3cret-0d1e";
    private static final String EXTERNAL_KEY = "ext-key-5a9b";

    private final TestClock clock = new TestClock(Instant.parse("2030-01-01T09:30:00Z"));
    private NotificationReceiver receiver;
    private SandboxAirServer air;
    private AirTestClient client;

    @BeforeEach
    void start() {
        receiver = NotificationReceiver.start();
        air = server().start();
        client = new AirTestClient(air, CLIENT_ID, SECRET);
    }

    private SandboxAirServer.Builder server() {
        return SandboxAirServer.builder().client(CLIENT_ID, SECRET).clock(clock).unitId("4242")
                .action("APP_DOWNLOAD", 10_000).action("LATE_DELIVERY", 500)
                .tier("Bronze", 0).tier("Silver", 5_000)
                .wallet(AirIdentity.customerId("C0000001"), AirIdentity.email("ada@example.com"), AirIdentity.mobile("+447700900001"))
                .wallet(AirIdentity.customerId("C0000002"))
                .connector(receiver.url(), EXTERNAL_KEY)
                .notificationRetryDelay(Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        air.close();
        receiver.close();
    }

    @Test
    void aSettledTriggerIsNotifiedWithTheEnvelopeAndEnrichment() {
        client.trigger("C0000001", "late-delivery-42", "LATE_DELIVERY");

        NotificationReceiver.Received received = receiver.awaitAccepted(1).getFirst();

        assertThat(received.path()).isEqualTo("/out/eagle-eye-air/loyalty");
        assertThat(received.authToken()).isEqualTo(EXTERNAL_KEY);
        assertThat(received.contentType()).isEqualTo("application/json");
        JsonNode envelope = received.envelope();
        JsonNode headers = envelope.get("headers");
        assertThat(headers.get("eventName").asString()).isEqualTo("SERVICE.TRIGGER");
        assertThat(headers.get("eventDate").asString()).isEqualTo("2030-01-01T09:30:00.000000");
        assertThat(headers.get("eesEventId").asString()).matches("[0-9a-f-]{36}");
        assertThat(headers.get("unitId").asString()).isEqualTo("4242");
        assertThat(headers.get("clientId").asString()).isEqualTo(CLIENT_ID);
        assertThat(envelope.get("request").get("resource").asString()).isEqualTo("/services/trigger");
        assertThat(envelope.get("request").get("method").asString()).isEqualTo("POST");
        assertThat(envelope.get("request").get("body").isString()).isTrue();
        assertThat(body(envelope, "request").get("walletTransaction").get("reference").asString()).isEqualTo("late-delivery-42");
        assertThat(envelope.get("response").get("code").asInt()).isEqualTo(201);
        assertThat(envelope.get("response").get("contentType").asString()).isEqualTo("application/json");
        assertThat(body(envelope, "response").get("type").asString()).isEqualTo("BEHAVIOURAL_ACTION_POINTS");
        assertThat(operations(envelope)).containsExactly("walletTransactionEntity CREATE", "walletAccountTransactionEntity CREATE",
                "walletAccountTransactionEntity CREATE", "walletAccountEntity UPDATE");
        JsonNode payout = envelope.get("atomicOperations").get(1).get("objectValue");
        assertThat(payout.get("event").asString()).isEqualTo("REDEEM");
        assertThat(payout.get("account").get("type").asString()).isEqualTo("BEHAVIOURAL_ACTION");
        assertThat(payout.get("account").get("campaignName").asString()).isEqualTo("LATE_DELIVERY");
        assertThat(payout.has("value")).isFalse();
        JsonNode credit = envelope.get("atomicOperations").get(2).get("objectValue");
        assertThat(credit.get("event").asString()).isEqualTo("CREDIT");
        assertThat(credit.get("value").asLong()).isEqualTo(500);
        assertThat(credit.get("balancesBefore").get("current").asLong()).isZero();
        assertThat(credit.get("balancesAfter").get("current").asLong()).isEqualTo(500);
        assertThat(credit.get("account").get("type").asString()).isEqualTo("POINTS");
        assertThat(credit.get("account").get("balances").get("current").asLong()).isEqualTo(500);
        assertThat(envelope.get("atomicOperations").get(3).get("objectValue").get("balances").get("current").asLong()).isEqualTo(500);
        JsonNode identities = envelope.get("enrichmentData").get("walletEntity_500001").get("identities");
        assertThat(identities).hasSize(3);
        assertThat(identities.get(0).propertyNames()).containsExactly("identityId", "walletId", "type", "value", "state", "status");
        assertThat(identities.get(0).get("type").asString()).isEqualTo("CUSTOMER_ID");
        assertThat(identities.get(0).get("value").asString()).isEqualTo("C0000001");
        assertThat(identities.get(0).get("walletId").asString()).isEqualTo("500001");
        assertThat(identities.get(1).get("value").asString()).isEqualTo("ada@example.com");
        assertThat(air.notifications().getFirst().eesEventId()).isEqualTo(received.eesEventId());
        await().atMost(Duration.ofSeconds(5)).until(() -> air.notificationCounts().delivered() == 1);
        assertThat(air.notificationCounts().pending()).isZero();
    }

    @Test
    void bodiesCanBeWrittenAsObjects() {
        air.close();
        air = server().notificationBodiesAsStrings(false).start();
        client = new AirTestClient(air, CLIENT_ID, SECRET);

        client.trigger("C0000001", "ref-1", "LATE_DELIVERY");

        JsonNode envelope = receiver.awaitAccepted(1).getFirst().envelope();
        assertThat(envelope.get("request").get("body").get("walletTransaction").get("reference").asString()).isEqualTo("ref-1");
        assertThat(envelope.get("response").get("body").get("reference").asString()).isEqualTo("ref-1");
    }

    @Test
    void enrichmentCarriesOnlyTheConfiguredIdentityTypes() {
        air.close();
        air = server().enrichmentIdentityTypes("EMAIL").start();
        client = new AirTestClient(air, CLIENT_ID, SECRET);

        client.trigger("C0000001", "ref-1", "LATE_DELIVERY");

        JsonNode identities = receiver.awaitAccepted(1).getFirst().envelope().get("enrichmentData").get("walletEntity_500001").get("identities");
        assertThat(identities).hasSize(1);
        assertThat(identities.get(0).get("type").asString()).isEqualTo("EMAIL");
    }

    @Test
    void withoutEnrichmentTheIdentitiesAreOnlyInIdentityOperations() {
        air.faults().omitEnrichment();

        air.createWallet(AirIdentity.customerId("C0000003"), AirIdentity.email("grace@example.com"));

        List<NotificationReceiver.Received> received = receiver.awaitAccepted(2);
        JsonNode created = received.getFirst().envelope();
        assertThat(created.has("enrichmentData")).isFalse();
        assertThat(received).extracting(NotificationReceiver.Received::eventName).containsExactly("SERVICE.WALLET.CREATE", "TIER.MEMBERSHIP.CREATE");
        assertThat(operations(created)).containsExactly("walletEntity CREATE", "walletIdentityEntity CREATE",
                "walletIdentityEntity CREATE", "walletAccountEntity CREATE");
        JsonNode email = created.get("atomicOperations").get(2).get("objectValue");
        assertThat(email.get("type").asString()).isEqualTo("EMAIL");
        assertThat(email.get("value").asString()).isEqualTo("grace@example.com");
    }

    @Test
    void aCreatedWalletIsNotifiedAndJoinsTheFirstTier() {
        String walletId = air.createWallet(AirIdentity.customerId("C0000003"));

        List<NotificationReceiver.Received> received = receiver.awaitAccepted(2);

        assertThat(walletId).isEqualTo("500003");
        JsonNode tier = received.get(1).envelope();
        assertThat(tier.get("enrichmentData").has("walletEntity_500003")).isTrue();
        JsonNode membership = tier.get("atomicOperations").get(0);
        assertThat(membership.get("objectType").asString()).isEqualTo("tierMembershipEntity");
        assertThat(membership.get("objectValue").get("tierName").asString()).isEqualTo("Bronze");
        assertThat(membership.get("objectValue").get("previousTierName").isNull()).isTrue();
    }

    @Test
    void aTierMoveNamesBothTiers() {
        client.trigger("C0000001", "ref-1", "APP_DOWNLOAD");

        List<NotificationReceiver.Received> received = receiver.awaitAccepted(2);

        assertThat(received).extracting(NotificationReceiver.Received::eventName).containsExactly("SERVICE.TRIGGER", "TIER.MEMBERSHIP.MOVE");
        JsonNode move = received.get(1).envelope().get("atomicOperations").get(0);
        assertThat(move.get("objectType").asString()).isEqualTo("tierMembershipEntity");
        assertThat(move.get("operationType").asString()).isEqualTo("UPDATE");
        assertThat(move.get("objectValue").get("tierName").asString()).isEqualTo("Silver");
        assertThat(move.get("objectValue").get("previousTierName").asString()).isEqualTo("Bronze");
        assertThat(move.get("objectValue").get("direction").asString()).isEqualTo("UP");
        assertThat(move.get("objectValue").get("tierPoints").asLong()).isEqualTo(10_000);
    }

    @Test
    void aSettledPurchaseCarriesTheBasketTotalAndThePointsEarned() {
        String transactionId = air.settlePurchase("500001", new BigDecimal("45.99"), "GBP", 46);

        JsonNode envelope = receiver.awaitAccepted(1).getFirst().envelope();

        assertThat(envelope.get("headers").get("eventName").asString()).isEqualTo("POSCONNECT.WALLET.SETTLE");
        assertThat(envelope.get("request").get("resource").asString()).isEqualTo("/connect/wallet/settle");
        JsonNode transaction = envelope.get("atomicOperations").get(0).get("objectValue");
        assertThat(transaction.get("transactionId").asString()).isEqualTo(transactionId);
        assertThat(transaction.get("type").asString()).isEqualTo("SETTLE");
        assertThat(transaction.get("basket").get("currency").asString()).isEqualTo("GBP");
        assertThat(transaction.get("basket").get("summary").get("totalBasketValue").asLong()).isEqualTo(4599);
        assertThat(transaction.get("basket").get("summary").get("totalBasketValueAfterDiscount").asLong()).isEqualTo(4599);
        assertThat(body(envelope, "request").get("basket").get("summary").get("totalBasketValue").asLong()).isEqualTo(4599);
        assertThat(operations(envelope)).containsExactly("walletTransactionEntity CREATE", "walletAccountTransactionEntity CREATE",
                "walletAccountEntity UPDATE");
        assertThat(envelope.get("atomicOperations").get(1).get("objectValue").get("value").asLong()).isEqualTo(46);
        assertThat(envelope.get("atomicOperations").get(1).get("objectValue").get("balancesAfter").get("current").asLong()).isEqualTo(46);
        assertThat(envelope.get("atomicOperations").get(2).get("objectValue").get("balances").get("current").asLong()).isEqualTo(46);
        assertThat(air.wallet("500001").orElseThrow().pointsBalance()).isEqualTo(46);
    }

    @Test
    void aRedeemedCouponIsAnAccountTransactionWithEventRedeem() {
        String accountId = air.redeemCoupon("500002", "£5 off");

        JsonNode envelope = receiver.awaitAccepted(1).getFirst().envelope();

        assertThat(envelope.get("headers").get("eventName").asString()).isEqualTo("WALLET.ACCOUNT.UPDATE");
        assertThat(envelope.get("request").get("resource").asString()).isEqualTo("/wallet/500002/account/" + accountId + "/redeem");
        JsonNode redemption = StreamSupport.stream(envelope.get("atomicOperations").spliterator(), false)
                .filter(operation -> operation.get("objectType").asString().equals("walletAccountTransactionEntity"))
                .findFirst().orElseThrow().get("objectValue");
        assertThat(redemption.get("event").asString()).isEqualTo("REDEEM");
        assertThat(redemption.get("account").get("type").asString()).isEqualTo("ECOUPON");
        assertThat(redemption.get("account").get("campaignName").asString()).isEqualTo("£5 off");
        assertThat(body(envelope, "response").get("status").asString()).isEqualTo("USED");
        assertThat(redemption.get("accountId").asString()).isEqualTo(accountId);
        assertThat(air.wallet("500002").orElseThrow().redeemedCoupons()).containsExactly("£5 off");
    }

    @Test
    void withDeliverTwiceEveryEventArrivesTwiceWithTheSameId() {
        air.faults().deliverTwice();

        client.trigger("C0000001", "ref-1", "LATE_DELIVERY");
        air.redeemCoupon("500001", "Free coffee");

        List<NotificationReceiver.Received> received = receiver.awaitAccepted(4);
        assertThat(received).extracting(NotificationReceiver.Received::eventName)
                .containsExactly("SERVICE.TRIGGER", "SERVICE.TRIGGER", "WALLET.ACCOUNT.UPDATE", "WALLET.ACCOUNT.UPDATE");
        assertThat(received.get(0).eesEventId()).isEqualTo(received.get(1).eesEventId());
        assertThat(received.get(2).eesEventId()).isEqualTo(received.get(3).eesEventId()).isNotEqualTo(received.get(0).eesEventId());
        await().atMost(Duration.ofSeconds(5)).until(() -> air.notificationCounts().duplicatesDelivered() == 2);
        assertThat(air.notificationCounts().delivered()).isEqualTo(2);
    }

    @Test
    void withheldNotificationsAreListedButNeverSent() {
        air.faults().withholdNotifications();

        client.trigger("C0000001", "ref-1", "LATE_DELIVERY");

        assertThat(air.notifications()).hasSize(1);
        assertThat(air.notificationCounts().withheld()).isEqualTo(1);
        assertThat(air.events()).extracting(AirSandboxEvent::kind).contains(AirSandboxEvent.Kind.NOTIFICATION_WITHHELD);
        air.faults().clear();
        client.trigger("C0000001", "ref-2", "LATE_DELIVERY");
        assertThat(receiver.awaitAccepted(1)).hasSize(1);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aFailedDeliveryIsTriedAgainWithBackOff() {
        receiver.answerNext(503, 500);

        client.trigger("C0000001", "ref-1", "LATE_DELIVERY");

        receiver.awaitAccepted(1);
        assertThat(receiver.received()).extracting(NotificationReceiver.Received::answered).containsExactly(503, 500, 200);
        assertThat(receiver.received()).extracting(NotificationReceiver.Received::eesEventId).containsOnly(receiver.received().getFirst().eesEventId());
        await().atMost(Duration.ofSeconds(5)).until(() -> air.notificationCounts().delivered() == 1);
        assertThat(air.notificationCounts().failedAttempts()).isEqualTo(2);
        assertThat(eventsOf(AirSandboxEvent.Kind.NOTIFICATION_FAILED)).extracting(AirSandboxEvent::status).containsExactly(503, 500);
        assertThat(eventsOf(AirSandboxEvent.Kind.NOTIFICATION_FAILED).getFirst().detail()).contains("attempt 1 of 4", "trying again in 20 ms");
    }

    @Test
    void aNotificationThatKeepsFailingIsAbandonedAndTheWalletsNextOneGoes() {
        receiver.answerNext(401, 401, 401, 401);

        client.trigger("C0000001", "ref-1", "LATE_DELIVERY");
        client.trigger("C0000001", "ref-2", "LATE_DELIVERY");

        receiver.awaitAccepted(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> air.notificationCounts().abandoned() == 1);
        assertThat(receiver.received()).hasSize(5);
        assertThat(reference(receiver.accepted().getFirst())).isEqualTo("ref-2");
        assertThat(eventsOf(AirSandboxEvent.Kind.NOTIFICATION_ABANDONED).getFirst().detail()).contains("attempt 4 of 4", "answered HTTP 401");
    }

    @Test
    void oneWalletsNotificationsArriveInOrderWhileOtherWalletsGoOn() {
        air.close();
        air = server().notificationSenders(2).notificationRetryDelay(Duration.ofMillis(300)).start();
        client = new AirTestClient(air, CLIENT_ID, SECRET);
        receiver.answerOnce(envelope -> "a-1".equals(body(envelope, "request").get("walletTransaction").get("reference").asString()), 503);

        client.trigger("C0000001", "a-1", "LATE_DELIVERY");
        client.trigger("C0000001", "a-2", "LATE_DELIVERY");
        client.trigger("C0000002", "b-1", "LATE_DELIVERY");

        List<String> order = receiver.awaitAccepted(3).stream().map(SandboxAirNotificationsIT::reference).toList();
        assertThat(order).containsExactly("b-1", "a-1", "a-2");
        // b-1 goes out on the other sender at the same time as a-1's first attempt: either may reach the receiver first.
        List<NotificationReceiver.Received> walletA = receiver.received().stream()
                .filter(received -> reference(received).startsWith("a-")).toList();
        assertThat(walletA).extracting(SandboxAirNotificationsIT::reference).containsExactly("a-1", "a-1", "a-2");
        assertThat(walletA.getFirst().answered()).isEqualTo(503);
    }

    @Test
    void withoutAConnectorNotificationsAreListedUntilOneIsSet() {
        air.close();
        air = SandboxAirServer.builder().client(CLIENT_ID, SECRET).action("LATE_DELIVERY", 500)
                .wallet(AirIdentity.customerId("C0000001")).start();
        client = new AirTestClient(air, CLIENT_ID, SECRET);

        client.trigger("C0000001", "ref-1", "LATE_DELIVERY");
        assertThat(air.notifications()).hasSize(1);
        assertThat(air.notificationCounts().noConnector()).isEqualTo(1);
        assertThat(air.connectorUrl()).isEmpty();
        assertThat(air.describe()).contains("no connector URL");

        air.connector(receiver.url(), EXTERNAL_KEY);
        client.trigger("C0000001", "ref-2", "LATE_DELIVERY");

        assertThat(reference(receiver.awaitAccepted(1).getFirst())).isEqualTo("ref-2");
        assertThat(air.describe()).contains(receiver.url().toString()).doesNotContain(EXTERNAL_KEY);
    }

    @Test
    void syntheticSettlementsAreAllDeliveredInOrderPerWallet() throws InterruptedException {
        air.close();
        air = server().notificationSenders(8).start();
        List<String> wallets = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> wallets.add(air.createWallet(AirIdentity.customerId("S" + i))));
        receiver.awaitAccepted(20);
        int before = receiver.accepted().size();

        air.emitSettlements(300, wallets);

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() == before + 300);
        List<NotificationReceiver.Received> settlements = receiver.accepted().subList(before, before + 300);
        assertThat(settlements).extracting(NotificationReceiver.Received::eventName).containsOnly("POSCONNECT.WALLET.SETTLE");
        Set<String> ids = new HashSet<>();
        Map<String, Long> lastTransaction = new LinkedHashMap<>();
        for (NotificationReceiver.Received settlement : settlements) {
            ids.add(settlement.eesEventId());
            JsonNode transaction = settlement.envelope().get("atomicOperations").get(0).get("objectValue");
            long id = Long.parseLong(transaction.get("transactionId").asString());
            Long previous = lastTransaction.put(transaction.get("walletId").asString(), id);
            assertThat(previous == null || previous < id).as("wallet %s in order", transaction.get("walletId").asString()).isTrue();
        }
        assertThat(ids).hasSize(300);
        assertThat(lastTransaction).hasSize(10);
        await().atMost(Duration.ofSeconds(5)).until(() -> air.notificationCounts().pending() == 0);
        assertThat(air.notificationCounts().delivered()).isEqualTo(320);
        assertThat(air.events()).extracting(AirSandboxEvent::kind).contains(AirSandboxEvent.Kind.SETTLEMENTS_EMITTED)
                .filteredOn(kind -> kind == AirSandboxEvent.Kind.NOTIFICATION_DELIVERED).hasSize(20);
    }

    private List<AirSandboxEvent> eventsOf(AirSandboxEvent.Kind kind) {
        return air.events().stream().filter(event -> event.kind() == kind).toList();
    }

    private static List<String> operations(JsonNode envelope) {
        List<String> operations = new ArrayList<>();
        envelope.get("atomicOperations").forEach(operation -> operations.add(operation.get("objectType").asString() + " "
                + operation.get("operationType").asString()));
        return operations;
    }

    private static String reference(NotificationReceiver.Received received) {
        return body(received.envelope(), "request").get("walletTransaction").get("reference").asString();
    }

    /** {@code request.body} or {@code response.body}: JSON written into a string, as AIR sends it. */
    private static JsonNode body(JsonNode envelope, String part) {
        return AirTestClient.json(envelope.get(part).get("body").asString());
    }
}
