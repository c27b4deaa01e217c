package dev.cohort.sandbox.insider;

import static dev.cohort.sandbox.insider.FpsClient.body;
import static dev.cohort.sandbox.insider.FpsClient.json;
import static dev.cohort.sandbox.insider.FpsClient.with;
import static dev.cohort.sandbox.insider.FpsClient.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SandboxInsiderUploadIT {
    private static final String PARTNER = "mybrand";
    private static final String TOKEN = "tok-3c1f9a7e";

    private FileHost files;
    private CallbackReceiver callbacks;
    private SandboxInsiderServer insider;
    private FpsClient client;

    @BeforeEach
    void start() {
        files = FileHost.start();
        callbacks = CallbackReceiver.start();
        insider = SandboxInsiderServer.builder().account(PARTNER, TOKEN).callbackDelay(Duration.ZERO).start();
        client = new FpsClient(insider);
    }

    @AfterEach
    void stop() {
        insider.close();
        callbacks.close();
        files.close();
    }

    @Test
    void anUploadIsAcceptedThenDownloadedCountedStoredAndReported() {
        URI csv = files.put("vip.csv", "ada@example.com\nbob@example.org\r\n\n   \nnot-an-email\nada@example.com\n");

        HttpResponse<String> answer = client.upload(PARTNER, TOKEN, body("vip-customers", "email", csv, callbacks.url("run-1")));

        assertThat(answer.statusCode()).isEqualTo(202);
        CallbackReceiver.Received result = callbacks.awaitFirst();
        assertThat(result.path()).isEqualTo("/callbacks/run-1");
        assertThat(result.contentType()).isEqualTo("application/json");
        assertThat(result.body().toString())
                .isEqualTo("{\"segment_name\":\"vip-customers\",\"status\":\"completed\",\"valid_count\":3,\"invalid_count\":1}");
        InsiderSegment segment = insider.segment(PARTNER, "vip-customers").orElseThrow();
        assertThat(segment.attribute()).isEqualTo(InsiderAttribute.EMAIL);
        assertThat(segment.values()).containsExactly("ada@example.com", "bob@example.org");
        assertThat(segment.validCount()).isEqualTo(3);
        assertThat(segment.invalidCount()).isEqualTo(1);
        assertThat(insider.segments(PARTNER)).containsExactly(segment);
        assertThat(files.requested()).containsExactly("vip.csv");
    }

    @Test
    void theEventsTellTheStoryWithoutTokensValuesOrSignatures() {
        URI csv = files.put("vip.csv", "ada@example.com\n");
        client.upload(PARTNER, TOKEN, body("vip-customers", "email", csv, callbacks.url("run-1")));
        callbacks.awaitFirst();
        await().atMost(Duration.ofSeconds(5)).until(() -> kinds().contains(InsiderEvent.Kind.CALLBACK_DELIVERED));

        assertThat(kinds()).containsExactly(InsiderEvent.Kind.REQUEST_ANSWERED, InsiderEvent.Kind.FILE_DOWNLOADED,
                InsiderEvent.Kind.SEGMENT_STORED, InsiderEvent.Kind.CALLBACK_ATTEMPTED, InsiderEvent.Kind.CALLBACK_DELIVERED);
        assertThat(insider.events()).allSatisfy(event -> {
            assertThat(event.partner()).isEqualTo(PARTNER);
            assertThat(event.segment()).isEqualTo("vip-customers");
            assertThat(event.describe()).doesNotContain(TOKEN, "ada@example.com", FileHost.SIGNATURE);
        });
        assertThat(insider.events().getFirst().status()).isEqualTo(202);
        assertThat(insider.events().get(1).detail()).contains("/files/vip.csv?…");
    }

    @Test
    void aStoredSegmentDownloadsAsOneValuePerLineWithoutHeader() {
        URI csv = files.put("phones.csv", "+905321234567\n+14155550123\n0532 123\n");
        client.upload(PARTNER, TOKEN, body("sms opt-in / TR+US", "phone_number", csv, callbacks.url("run-1")));
        callbacks.awaitFirst();

        HttpResponse<String> download = client.download(PARTNER, TOKEN, "sms opt-in / TR+US");

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(download.body()).isEqualTo("+905321234567\n+14155550123\n");
    }

    @Test
    void aSegmentNotStoredDownloadsAs404() {
        HttpResponse<String> download = client.download(PARTNER, TOKEN, "never-uploaded");

        assertThat(download.statusCode()).isEqualTo(404);
        assertThat(download.body()).isEqualTo("{\"error\":\"Segment Not Found.\"}");
    }

    @Test
    void aNameTakenInTheAccountAnswersSegmentNameExistsUnlessTheUploadReplaces() {
        URI first = files.put("first.csv", "0b0e6c7e-4f0a-4d55-9b1a-2f2f6a3f9c10\n");
        URI second = files.put("second.csv", "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a\nnot-a-uuid\n");
        client.upload(PARTNER, TOKEN, body("members", "uuid", first, callbacks.url("run-1")));
        callbacks.awaitFirst();

        HttpResponse<String> again = client.upload(PARTNER, TOKEN, body("members", "uuid", second, callbacks.url("run-2")));
        HttpResponse<String> create = client.upload(PARTNER, TOKEN, with(body("members", "uuid", second, callbacks.url("run-2")), "mode", "create"));
        HttpResponse<String> replace = client.upload(PARTNER, TOKEN, with(body("members", "uuid", second, callbacks.url("run-3")), "mode", "replace"));

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).isEqualTo("{\"error\":\"Segment Name Exists.\"}");
        assertThat(create.statusCode()).isEqualTo(400);
        assertThat(replace.statusCode()).isEqualTo(202);
        List<CallbackReceiver.Received> results = callbacks.awaitCount(2);
        assertThat(results.get(1).path()).isEqualTo("/callbacks/run-3");
        assertThat(results.get(1).body().get("valid_count").asInt()).isEqualTo(1);
        assertThat(results.get(1).body().get("invalid_count").asInt()).isEqualTo(1);
        assertThat(client.download(PARTNER, TOKEN, "members").body()).isEqualTo("5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a\n");
    }

    @Test
    void aNameIsTakenAsSoonAsItsUploadIsAccepted() {
        URI csv = files.put("a.csv", "ada@example.com\n");
        CountDownLatch fileServed = files.hold("a.csv");
        try {
            HttpResponse<String> first = client.upload(PARTNER, TOKEN, body("vip", "email", csv, callbacks.url("run-1")));
            await().atMost(Duration.ofSeconds(5)).until(() -> files.requested().contains("a.csv"));
            HttpResponse<String> second = client.upload(PARTNER, TOKEN, body("vip", "email", csv, callbacks.url("run-2")));

            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(second.statusCode()).isEqualTo(400);
            assertThat(insider.segment(PARTNER, "vip")).isEmpty();
            assertThat(client.download(PARTNER, TOKEN, "vip").statusCode()).isEqualTo(404);
        } finally {
            fileServed.countDown();
        }
        assertThat(callbacks.awaitFirst().body().get("status").asString()).isEqualTo("completed");
        assertThat(insider.segment(PARTNER, "vip")).isPresent();
    }

    @Test
    void replacingANameNeverUploadedCreatesIt() {
        URI csv = files.put("a.csv", "ada@example.com\n");

        HttpResponse<String> replace = client.upload(PARTNER, TOKEN, with(body("new", "email", csv, callbacks.url("r")), "mode", "replace"));

        assertThat(replace.statusCode()).isEqualTo(202);
        callbacks.awaitFirst();
        assertThat(insider.segment(PARTNER, "new")).isPresent();
    }

    @Test
    void withoutSegmentReplacementTheModeFieldIsUnknownAndANameCanBeUploadedOnce() {
        try (SandboxInsiderServer strict = SandboxInsiderServer.builder().account(PARTNER, TOKEN).callbackDelay(Duration.ZERO)
                .segmentReplacement(false).start()) {
            FpsClient strictClient = new FpsClient(strict);
            URI csv = files.put("a.csv", "ada@example.com\n");

            HttpResponse<String> withMode = strictClient.upload(PARTNER, TOKEN, with(body("vip", "email", csv, callbacks.url("r")), "mode", "replace"));
            HttpResponse<String> first = strictClient.upload(PARTNER, TOKEN, body("vip", "email", csv, callbacks.url("r")));
            HttpResponse<String> again = strictClient.upload(PARTNER, TOKEN, body("vip", "email", csv, callbacks.url("r")));

            assertThat(withMode.statusCode()).isEqualTo(405);
            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(again.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void fortyCharactersIsTheLongestName() {
        URI csv = files.put("a.csv", "ada@example.com\n");

        assertThat(client.upload(PARTNER, TOKEN, body("n".repeat(40), "email", csv, callbacks.url("r"))).statusCode()).isEqualTo(202);
        assertThat(client.upload(PARTNER, TOKEN, body("ü".repeat(40), "email", csv, callbacks.url("r"))).statusCode()).isEqualTo(202);
        assertThat(client.upload(PARTNER, TOKEN, body("n".repeat(41), "email", csv, callbacks.url("r"))).statusCode()).isEqualTo(405);
    }

    static Stream<Arguments> invalidPayloads() {
        Map<String, Object> valid = body("vip", "email", URI.create("https://files.example.com/a.csv"), URI.create("https://cohort.example.com/cb"));
        return Stream.of(
                Arguments.of("an unknown field", json(with(valid, "segment_id", 7))),
                Arguments.of("no csv_url", json(without(valid, "csv_url"))),
                Arguments.of("no segment_name", json(without(valid, "segment_name"))),
                Arguments.of("a null callback_url", json(with(valid, "callback_url", null))),
                Arguments.of("an attribute not lower-case", json(with(valid, "attribute", "Email"))),
                Arguments.of("an attribute that is not a default one", json(with(valid, "attribute", "customer_id"))),
                Arguments.of("a name of 41 characters", json(with(valid, "segment_name", "x".repeat(41)))),
                Arguments.of("a blank name", json(with(valid, "segment_name", "  "))),
                Arguments.of("a name that is a number", json(with(valid, "segment_name", 42))),
                Arguments.of("a csv_url that is not http", json(with(valid, "csv_url", "ftp://files.example.com/a.csv"))),
                Arguments.of("a relative callback_url", json(with(valid, "callback_url", "/cb"))),
                Arguments.of("an unknown mode", json(with(valid, "mode", "upsert"))),
                Arguments.of("a field given twice", "{\"segment_name\":\"a\",\"segment_name\":\"b\",\"attribute\":\"email\","
                        + "\"csv_url\":\"https://f.example.com/a\",\"callback_url\":\"https://c.example.com/b\"}"),
                Arguments.of("an array", "[]"),
                Arguments.of("no JSON", "segment_name=vip"),
                Arguments.of("an empty body", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPayloads")
    void anInvalidPayloadAnswers405(String what, String json) {
        HttpResponse<String> answer = client.upload(PARTNER, TOKEN, json);

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.body()).isEqualTo("{\"error\":\"Invalid Payload.\"}");
        assertThat(insider.events().getLast().detail()).startsWith("POST /fps/v1/upload: ");
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIsAnInvalidPayload() {
        String json = json(body("vip", "email", files.put("a.csv", "a@b.co\n"), callbacks.url("r")));

        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(insider.uploadUrl())
                .header(FpsApi.PARTNER_HEADER, PARTNER).header(FpsApi.TOKEN_HEADER, TOKEN)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(json)));

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(insider.events().getLast().detail()).contains("Content-Type must be application/json");
    }

    static Stream<Arguments> badCredentials() {
        return Stream.of(
                Arguments.of("a wrong token", PARTNER, "tok-wrong"),
                Arguments.of("an unknown partner", "otherbrand", TOKEN),
                Arguments.of("a partner name not lower-case", "MyBrand", TOKEN),
                Arguments.of("an empty token", PARTNER, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCredentials")
    void badCredentialsAnswerBadApiKeyOnEveryEndpoint(String what, String partner, String token) {
        URI csv = files.put("a.csv", "ada@example.com\n");

        HttpResponse<String> upload = client.upload(partner, token, body("vip", "email", csv, callbacks.url("r")));
        HttpResponse<String> download = client.download(partner, token, "vip");

        assertThat(upload.statusCode()).isEqualTo(401);
        assertThat(upload.body()).isEqualTo("{\"error\":\"Bad Api Key.\"}");
        assertThat(download.statusCode()).isEqualTo(401);
        assertThat(files.requested()).isEmpty();
        assertThat(insider.events()).allSatisfy(event -> assertThat(event.describe()).doesNotContain(TOKEN, "tok-wrong"));
    }

    @Test
    void missingHeadersAnswerBadApiKey() {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(insider.uploadUrl())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(insider.events().getLast().partner()).isNull();
    }

    @Test
    void otherMethodsAndPathsAreRefused() {
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(insider.uploadUrl()).GET());
        HttpResponse<String> elsewhere = client.send(HttpRequest.newBuilder(insider.url().resolve("/fps/v2/upload")).GET());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(elsewhere.statusCode()).isEqualTo(404);
    }

    private List<InsiderEvent.Kind> kinds() {
        return insider.events().stream().map(InsiderEvent::kind).toList();
    }
}
