package dev.cohort.sandbox.insider;

import static dev.cohort.sandbox.insider.FpsClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxInsiderFaultsIT {
    private static final String PARTNER = "mybrand";
    private static final String TOKEN = "tok-3c1f9a7e";

    private FileHost files;
    private CallbackReceiver callbacks;
    private SandboxInsiderServer insider;
    private FpsClient client;
    private URI csv;

    @BeforeEach
    void start() {
        files = FileHost.start();
        callbacks = CallbackReceiver.start();
        insider = SandboxInsiderServer.builder().account(PARTNER, TOKEN).callbackDelay(Duration.ZERO).start();
        client = new FpsClient(insider);
        csv = files.put("vip.csv", "ada@example.com\n");
    }

    @AfterEach
    void stop() {
        insider.close();
        callbacks.close();
        files.close();
    }

    @Test
    void theNextUploadsAnswer500AndAreNotProcessed() {
        insider.faults().failNextUploads(2);

        HttpResponse<String> first = upload(body("vip", "email", csv, callbacks.url("r")));
        HttpResponse<String> second = upload(body("vip", "email", csv, callbacks.url("r")));
        HttpResponse<String> third = upload(body("vip", "email", csv, callbacks.url("r")));

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(first.body()).isEqualTo("{\"error\":\"Internal Server Error.\"}");
        assertThat(second.statusCode()).isEqualTo(500);
        assertThat(third.statusCode()).isEqualTo(202);
        callbacks.awaitFirst();
        assertThat(files.requested()).containsExactly("vip.csv");
    }

    @Test
    void otherUploadFieldNamesRefuseTheDefaultsAsInvalidPayload() {
        insider.faults().expectUploadFields(InsiderUploadFields.DEFAULTS.withCsvUrl("file_url").withSegmentName("name"));

        HttpResponse<String> defaults = upload(body("vip", "email", csv, callbacks.url("r")));
        HttpResponse<String> renamed = upload(Map.of("name", "vip", "attribute", "email", "file_url", csv.toString(),
                "callback_url", callbacks.url("r").toString()));

        assertThat(defaults.statusCode()).isEqualTo(405);
        assertThat(defaults.body()).isEqualTo("{\"error\":\"Invalid Payload.\"}");
        assertThat(insider.events().getFirst().detail()).contains("unknown field `segment_name`");
        assertThat(renamed.statusCode()).isEqualTo(202);

        insider.faults().clear();
        assertThat(upload(body("other", "email", csv, callbacks.url("r"))).statusCode()).isEqualTo(202);
    }

    @Test
    void otherCallbackFieldNamesAreSent() {
        insider.faults().sendCallbackFields(InsiderCallbackFields.DEFAULTS.withValidCount("valid").withInvalidCount("invalid")
                .withStatus("state"));

        upload(body("vip", "email", csv, callbacks.url("r")));

        assertThat(callbacks.awaitFirst().body().toString())
                .isEqualTo("{\"segment_name\":\"vip\",\"state\":\"completed\",\"valid\":1,\"invalid\":0}");
    }

    @Test
    void theServerCanBeBuiltWithOtherFieldNames() {
        try (SandboxInsiderServer renamed = SandboxInsiderServer.builder().account(PARTNER, TOKEN).callbackDelay(Duration.ZERO)
                .uploadFields(InsiderUploadFields.DEFAULTS.withMode("replace_existing"))
                .callbackFields(InsiderCallbackFields.DEFAULTS.withReason("error_message"))
                .start()) {
            FpsClient renamedClient = new FpsClient(renamed);

            HttpResponse<String> answer = renamedClient.upload(PARTNER, TOKEN,
                    FpsClient.with(body("vip", "email", files.missing("gone.csv"), callbacks.url("r")), "replace_existing", "replace"));

            assertThat(answer.statusCode()).isEqualTo(202);
            assertThat(callbacks.awaitFirst().body().get("error_message").asString()).contains("HTTP 404");
            assertThat(renamed.describe()).contains("optional replace_existing (create | replace)", "error_message");
        }
    }

    @Test
    void everyTokenCanBeRejectedAsIfRevoked() {
        insider.faults().rejectEveryToken();

        HttpResponse<String> upload = upload(body("vip", "email", csv, callbacks.url("r")));
        HttpResponse<String> download = client.download(PARTNER, TOKEN, "vip");

        assertThat(upload.statusCode()).isEqualTo(401);
        assertThat(upload.body()).isEqualTo("{\"error\":\"Bad Api Key.\"}");
        assertThat(download.statusCode()).isEqualTo(401);
        assertThat(insider.requestCounts(PARTNER)).isEqualTo(new InsiderRequestCounts(0, 0));

        insider.faults().clear();
        assertThat(upload(body("vip", "email", csv, callbacks.url("r"))).statusCode()).isEqualTo(202);
    }

    private HttpResponse<String> upload(Map<String, ?> body) {
        return client.upload(PARTNER, TOKEN, body);
    }
}
