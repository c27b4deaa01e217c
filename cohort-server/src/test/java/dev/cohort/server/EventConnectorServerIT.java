package dev.cohort.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cohort.sandbox.air.AirIdentity;
import dev.cohort.sandbox.air.AirWallet;
import dev.cohort.sandbox.air.SandboxAirServer;
import dev.cohort.sandbox.braze.BrazeCustomEvent;
import dev.cohort.sandbox.braze.BrazeUser;
import dev.cohort.sandbox.braze.SandboxBrazeServer;
import dev.cohort.server.ServerFixture.Response;
import dev.cohort.server.auth.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Event connectors end to end on real parts: a Cohort server, Cohort's Eagle Eye AIR and Braze stand-ins on loopback,
 * the eagle-eye-air and braze platforms. The sample journey: a platform asks for a reward (in), AIR issues it and
 * reports the event (out), and the consumer's event and points reach Braze.
 */
class EventConnectorServerIT {
    private static final String CLIENT_ID = "cohort-test-client";
    private static final String CLIENT_SECRET = "air-secret-0123456789";
    private static final String BRAZE_KEY = "braze-key-0123456789";
    private static final String EXTERNAL_KEY = "connector-key-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path root;

    private SandboxAirServer air;
    private SandboxBrazeServer braze;
    private ServerFixture fixture;

    @BeforeEach
    void start() throws Exception {
        braze = SandboxBrazeServer.builder().port(0).apiKey(BRAZE_KEY).start();
        air = SandboxAirServer.builder().port(0).client(CLIENT_ID, CLIENT_SECRET).action("APP_DOWNLOAD", 10_000)
                .action("LATE_DELIVERY", 500).tier("Bronze", 0).tier("Silver", 5_000).tier("Gold", 20_000)
                .wallet(new AirIdentity(AirIdentity.CUSTOMER_ID, "C0001"), new AirIdentity(AirIdentity.EMAIL, "ada@example.com"))
                .wallet(new AirIdentity(AirIdentity.EMAIL, "no-customer-id@example.com"))
                .start();
        Files.createDirectories(root);
        Files.writeString(root.resolve("air_client_id"), CLIENT_ID);
        Files.writeString(root.resolve("air_client_secret"), CLIENT_SECRET);
        Files.writeString(root.resolve("braze_key"), BRAZE_KEY);
        Files.writeString(root.resolve("connector_key"), EXTERNAL_KEY);
        String yaml = """
                credentials:
                  air: {type: eagle-eye-air, values: {client_id: "${file:air_client_id}", client_secret: "${file:air_client_secret}"}}
                  braze_api: {type: braze, values: {api_key: "${file:braze_key}"}}
                  connector_keys: {type: event-connector, values: {external_key: "${file:connector_key}"}}
                event_connectors:
                  air_to_braze:
                    direction: out
                    platform: braze
                    credential: braze_api
                    settings: {rest_endpoint: "BRAZE_URL"}
                    loyalty: {credential: air, settings: {base_url: "AIR_URL"}}
                    external_key: connector_keys
                    identity_type: CUSTOMER_ID
                  braze_rewards:
                    direction: in
                    platform: braze
                    loyalty: {credential: air, settings: {base_url: "AIR_URL"}}
                    external_key: connector_keys
                """.replace("BRAZE_URL", braze.url().toString()).replace("AIR_URL", air.url().toString());
        fixture = new ServerFixture(root, "raw: {query: loyalty_members, destination: outbox}", "", yaml)
                .start(ServerOptions.defaults().withWorkers(1).withPollInterval(Duration.ofMillis(200)));
        air.connector(URI.create(fixture.server.url() + "/out/braze/air_to_braze"), EXTERNAL_KEY);
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        if (air != null) {
            air.close();
        }
        if (braze != null) {
            braze.close();
        }
    }

    private static HttpResponse<String> post(String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String in() {
        return fixture.server.url() + "/in/braze/braze_rewards";
    }

    private static String trigger(String identity, String reference, String action) {
        return """
                {"type":"services/trigger","body":{"identityValue":"%s","walletTransaction":{"reference":"%s"},
                 "triggers":[{"reference":"%s"}]}}""".formatted(identity, reference, action);
    }

    private JsonNode stats(String connector) {
        return fixture.get("/api/v1/event-connectors/" + connector + "/stats", Role.USER).json();
    }

    @Test
    void aRewardAskedForByThePlatformIsIssuedInAirAndItsEventReachesBraze() throws Exception {
        HttpResponse<String> accepted = post(in(), EXTERNAL_KEY, trigger("C0001", "late-delivery-order-77", "LATE_DELIVERY"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(ServerFixture.JSON.readTree(accepted.body()).path("duplicate").asBoolean()).isFalse();

        String wallet = air.walletIdOf("C0001").orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> air.wallet(wallet).map(AirWallet::pointsBalance).orElse(0L) == 500);
        await().atMost(Duration.ofSeconds(30)).until(() -> braze.user("C0001").map(u -> !u.events().isEmpty()).orElse(false));

        BrazeUser user = braze.user("C0001").orElseThrow();
        BrazeCustomEvent event = user.events().getFirst();
        assertThat(event.name()).isEqualTo("Points Earned");
        assertThat(event.properties()).containsEntry("points_awarded", 500);
        assertThat(user.attributes()).containsEntry("loyalty_points", 500);
        await().atMost(Duration.ofSeconds(10)).until(() -> stats("braze_rewards").path("delivered").asLong() == 1
                && stats("air_to_braze").path("delivered").asLong() >= 1);
        JsonNode rewards = stats("braze_rewards");
        assertThat(rewards.path("state").asString()).isEqualTo("ready");
        assertThat(rewards.path("dead_lettered").asLong()).isZero();
        assertThat(stats("air_to_braze").path("latency_p50_ms").isNumber()).isTrue();

        HttpResponse<String> again = post(in(), EXTERNAL_KEY, trigger("C0001", "late-delivery-order-77", "LATE_DELIVERY"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.JSON.readTree(again.body()).path("duplicate").asBoolean()).isTrue();
        assertThat(stats("braze_rewards").path("received").asLong()).isEqualTo(1);
        assertThat(air.wallet(wallet).orElseThrow().pointsBalance()).isEqualTo(500);
        assertThat(fixture.get("/metrics", null).text()).contains("cohort_event_connector_events{connector=\"air_to_braze\"");
    }

    @Test
    void callersWithoutTheKeyOrWithABadRequestAreRefusedAndNothingIsStored() throws Exception {
        assertThat(post(in(), null, trigger("C0001", "r1", "APP_DOWNLOAD")).statusCode()).isEqualTo(401);
        HttpResponse<String> wrongKey = post(in(), "not-the-key", trigger("C0001", "r1", "APP_DOWNLOAD"));
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.body()).contains("EVENT_AUTH_FAILED").doesNotContain(EXTERNAL_KEY);
        assertThat(post(fixture.server.url() + "/in/braze/nobody", EXTERNAL_KEY, "{}").statusCode()).isEqualTo(404);

        HttpResponse<String> bad = post(in(), EXTERNAL_KEY, "{\"type\":\"services/trigger\",\"body\":{\"triggers\":[{}]}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode errors = ServerFixture.JSON.readTree(bad.body()).path("errors");
        assertThat(errors.findValuesAsString("field")).containsExactly("body.identityValue", "body.walletTransaction",
                "body.triggers[0].reference");
        HttpResponse<String> notJson = post(fixture.server.url() + "/out/braze/air_to_braze", EXTERNAL_KEY, "{not json");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(stats("braze_rewards").path("received").asLong()).isZero();
        assertThat(stats("air_to_braze").path("received").asLong()).isZero();
        assertThat(fixture.get("/in/braze/status", null).json().path("connectors").toString()).contains("braze_rewards");
    }

    @Test
    void anEventWithoutTheConfiguredIdentityIsADeadLetterThatCanBeReplayed() throws Exception {
        String wallet = air.walletIdOf("no-customer-id@example.com").orElseThrow();
        air.settlePurchase(wallet, new java.math.BigDecimal("63.00"), "GBP", 63);

        await().atMost(Duration.ofSeconds(30)).until(() -> stats("air_to_braze").path("dead_lettered").asLong() == 1);
        JsonNode dead = fixture.get("/api/v1/event-connectors/air_to_braze/dead-letters", Role.USER).json().path("items").path(0);
        assertThat(dead.path("code").asString()).isEqualTo("NO_IDENTITY");
        assertThat(dead.path("reason").asString()).contains("CUSTOMER_ID").doesNotContain("no-customer-id@example.com");

        Response replay = fixture.post("/api/v1/event-connectors/air_to_braze/dead-letters/replay", Role.OPERATOR, "{}");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("replayed").asInt()).isEqualTo(1);
        assertThat(fixture.post("/api/v1/event-connectors/air_to_braze/dead-letters/replay", Role.USER, "{}").status())
                .isEqualTo(403);
        await().atMost(Duration.ofSeconds(30)).until(() -> stats("air_to_braze").path("dead_lettered").asLong() == 1
                && stats("air_to_braze").path("pending").asLong() == 0);
    }

    @Test
    void anUnknownEventTypeIsAcceptedAndCountedButNotSentAndARepeatedEventIsSentOnce() throws Exception {
        String unknown = """
                {"headers":{"eventName":"SOMETHING.NEW.IN.AIR","eventDate":"2026-11-22T10:00:00.000000","eesEventId":"e-unknown-1"},
                 "atomicOperations":[]}""";
        HttpResponse<String> accepted = post(fixture.server.url() + "/out/braze/air_to_braze", EXTERNAL_KEY, unknown);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(ServerFixture.JSON.readTree(accepted.body()).path("ignored").asBoolean()).isTrue();
        assertThat(stats("air_to_braze").path("ignored").asLong()).isEqualTo(1);

        air.faults().deliverTwice();
        String wallet = air.walletIdOf("C0001").orElseThrow();
        air.settlePurchase(wallet, new java.math.BigDecimal("12.00"), "GBP", 12);

        await().atMost(Duration.ofSeconds(30)).until(() -> air.notificationCounts().duplicatesDelivered() >= 1
                && stats("air_to_braze").path("delivered").asLong() >= 1 && stats("air_to_braze").path("pending").asLong() == 0);
        assertThat(braze.user("C0001").orElseThrow().events("Order Completed")).hasSize(1);
        assertThat(stats("air_to_braze").path("received").asLong()).isEqualTo(2);
    }

    @Test
    void aRewardForAnUnknownConsumerIsADeadLetterAndAirFailingForAWhileIsRetried() throws Exception {
        assertThat(post(in(), EXTERNAL_KEY, trigger("C9999", "ref-unknown", "APP_DOWNLOAD")).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> stats("braze_rewards").path("dead_lettered").asLong() == 1);
        JsonNode dead = fixture.get("/api/v1/event-connectors/braze_rewards/dead-letters", Role.USER).json().path("items").path(0);
        assertThat(dead.path("code").asString()).isEqualTo("AIR_WALLET_NOT_FOUND");
        assertThat(dead.path("reason").asString()).doesNotContain("C9999");

        air.faults().failNextRequests(1);
        assertThat(post(in(), EXTERNAL_KEY, trigger("C0001", "ref-after-outage", "APP_DOWNLOAD")).statusCode()).isEqualTo(200);
        String wallet = air.walletIdOf("C0001").orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> air.wallet(wallet).orElseThrow().pointsBalance() == 10_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> stats("braze_rewards").path("delivered").asLong() == 1);
        assertThat(stats("braze_rewards").path("retried").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void operatorsWriteEventConnectorsThroughTheApiWithApplysChecks() throws Exception {
        Response bad = fixture.send("PUT", "/api/v1/event-connectors/more_rewards", Role.OPERATOR,
                "{\"direction\": \"in\", \"platform\": \"braze\", \"loyalty\": {\"credential\": \"braze_api\"},"
                        + " \"external_key\": \"connector_keys\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("credential braze_api is of type braze");

        Response saved = fixture.send("PUT", "/api/v1/event-connectors/more_rewards", Role.OPERATOR,
                "{\"direction\": \"in\", \"platform\": \"braze\", \"loyalty\": {\"credential\": \"air\", \"settings\":"
                        + " {\"base_url\": \"" + air.url() + "\"}}, \"external_key\": \"connector_keys\"}");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(fixture.get("/api/v1/event-connectors/more_rewards", Role.USER).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> post(fixture.server.url() + "/in/braze/more_rewards", EXTERNAL_KEY,
                trigger("C0001", "via-api-1", "LATE_DELIVERY")).statusCode() == 200);
        assertThat(fixture.send("DELETE", "/api/v1/event-connectors/more_rewards", Role.OPERATOR, null).status()).isEqualTo(204);
    }

    @Test
    void brazeRefusingForAWhileDelaysDeliveryButLosesNothing() throws Exception {
        braze.faults().failNextRequests(2, 503);
        String wallet = air.walletIdOf("C0001").orElseThrow();

        air.settlePurchase(wallet, new java.math.BigDecimal("25.00"), "GBP", 25);

        await().atMost(Duration.ofSeconds(60)).until(() -> braze.user("C0001")
                .map(u -> u.events().stream().anyMatch(e -> e.name().equals("Order Completed"))).orElse(false));
        JsonNode stats = stats("air_to_braze");
        assertThat(stats.path("retried").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.path("dead_lettered").asLong()).isZero();
        Optional<BrazeUser> user = braze.user("C0001");
        assertThat(user.orElseThrow().events(("Order Completed"))).hasSize(1);
    }
}
