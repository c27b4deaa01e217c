package dev.cohort.sandbox.air;

import static dev.cohort.sandbox.air.AirTestClient.json;
import static dev.cohort.sandbox.air.AirTestClient.triggerBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SandboxAirAuthIT {
    private static final String CLIENT_ID = "cohort-test";
    private static final String SECRET = "s3cret-9f2c1d";

    private SandboxAirServer air;
    private AirTestClient client;

    @BeforeEach
    void start() {
        air = SandboxAirServer.builder().client(CLIENT_ID, SECRET).action("APP_DOWNLOAD", 10_000)
                .wallet(AirIdentity.customerId("C0000001")).start();
        client = new AirTestClient(air, CLIENT_ID, SECRET);
    }

    @AfterEach
    void stop() {
        air.close();
    }

    @Test
    void aSignedRequestIsServed() {
        assertThat(client.trigger("C0000001", "ref-1", "APP_DOWNLOAD").statusCode()).isEqualTo(201);
    }

    @Test
    void missingHeadersAnswer401NamingThem() {
        String body = triggerBody("C0000001", "ref-1", "APP_DOWNLOAD");

        HttpResponse<String> noHash = client.send("POST", AirApi.TRIGGER_PATH, body, CLIENT_ID, null);
        HttpResponse<String> noClient = client.send("POST", AirApi.TRIGGER_PATH, body, null,
                AirSignature.hash(AirApi.TRIGGER_PATH, AirTestClient.bytes(body), SECRET));

        for (HttpResponse<String> answer : java.util.List.of(noHash, noClient)) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode error = json(answer);
            assertThat(error.get("errorCode").asString()).isEqualTo("UNAUTHORISED");
            assertThat(error.get("errorMessage").asString()).contains("X-EES-AUTH-CLIENT-ID", "X-EES-AUTH-HASH");
        }
        assertThat(air.wallet("500001").orElseThrow().pointsBalance()).isZero();
    }

    @Test
    void anUnknownClientIdAnswers401() {
        String body = triggerBody("C0000001", "ref-1", "APP_DOWNLOAD");

        HttpResponse<String> answer = client.send("POST", AirApi.TRIGGER_PATH, body, "someone-else",
                AirSignature.hash(AirApi.TRIGGER_PATH, AirTestClient.bytes(body), SECRET));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(json(answer).get("errorMessage").asString()).contains("no client has the id");
    }

    @Test
    void aHashOfAnotherBodyOrWithAnotherSecretAnswers401AndChangesNothing() {
        String signed = triggerBody("C0000001", "ref-1", "APP_DOWNLOAD");
        String tampered = triggerBody("C0000001", "ref-2", "APP_DOWNLOAD");

        HttpResponse<String> otherBody = client.send("POST", AirApi.TRIGGER_PATH, tampered, CLIENT_ID,
                AirSignature.hash(AirApi.TRIGGER_PATH, AirTestClient.bytes(signed), SECRET));
        HttpResponse<String> otherSecret = client.send("POST", AirApi.TRIGGER_PATH, signed, CLIENT_ID,
                AirSignature.hash(AirApi.TRIGGER_PATH, AirTestClient.bytes(signed), "guess"));
        HttpResponse<String> otherPath = client.send("POST", AirApi.TRIGGER_PATH, signed, CLIENT_ID,
                AirSignature.hash("/services/trigger", AirTestClient.bytes(signed), SECRET));

        assertThat(otherBody.statusCode()).isEqualTo(401);
        assertThat(otherSecret.statusCode()).isEqualTo(401);
        assertThat(otherPath.statusCode()).isEqualTo(401);
        assertThat(json(otherBody).get("errorMessage").asString()).contains("SHA-256").doesNotContain(SECRET);
        assertThat(air.wallet("500001").orElseThrow().pointsBalance()).isZero();
        assertThat(air.notifications()).isEmpty();
    }

    @Test
    void anUpperCaseHashIsAccepted() {
        String body = triggerBody("C0000001", "ref-1", "APP_DOWNLOAD");

        HttpResponse<String> answer = client.send("POST", AirApi.TRIGGER_PATH, body, CLIENT_ID,
                AirSignature.hash(AirApi.TRIGGER_PATH, AirTestClient.bytes(body), SECRET).toUpperCase(java.util.Locale.ROOT));

        assertThat(answer.statusCode()).isEqualTo(201);
    }

    @Test
    void theQueryIsPartOfTheSignedText() {
        HttpResponse<String> pathOnly = client.send("GET", "/sandbox/wallets?page=2", "", CLIENT_ID,
                AirSignature.hash("/sandbox/wallets", new byte[0], SECRET));

        assertThat(pathOnly.statusCode()).isEqualTo(401);
        assertThat(client.get("/sandbox/wallets?page=2").statusCode()).isEqualTo(200);
    }

    @Test
    void revokedCredentialsAnswer401UntilTheFaultIsCleared() {
        air.faults().rejectEverySignature();

        assertThat(client.trigger("C0000001", "ref-1", "APP_DOWNLOAD").statusCode()).isEqualTo(401);

        air.faults().clear();
        assertThat(client.trigger("C0000001", "ref-1", "APP_DOWNLOAD").statusCode()).isEqualTo(201);
    }

    @Test
    void aFailedRequestChangesNothingAndTheSameReferenceSucceedsAfter() {
        air.faults().failNextRequests(1);

        HttpResponse<String> failed = client.trigger("C0000001", "ref-1", "APP_DOWNLOAD");
        HttpResponse<String> retried = client.trigger("C0000001", "ref-1", "APP_DOWNLOAD");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(json(failed).get("errorCode").asString()).isEqualTo("INTERNAL_ERROR");
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(air.wallet("500001").orElseThrow().pointsBalance()).isEqualTo(10_000);
    }

    @Test
    void otherPathsAnswer404AndOtherMethods405() {
        assertThat(client.get("/2.0/wallet/500001").statusCode()).isEqualTo(404);
        HttpResponse<String> get = client.get(AirApi.TRIGGER_PATH);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void eventsNeverShowTheSecretOrIdentityValues() {
        client.trigger("C0000001", "ref-1", "APP_DOWNLOAD");
        client.send("POST", AirApi.TRIGGER_PATH, "{}", CLIENT_ID, "bad");

        assertThat(air.events()).isNotEmpty().allSatisfy(event -> assertThat(event.describe()).doesNotContain(SECRET, "C0000001"));
        assertThat(air.describe()).doesNotContain(SECRET).contains(CLIENT_ID, air.triggerUrl().toString());
    }
}
