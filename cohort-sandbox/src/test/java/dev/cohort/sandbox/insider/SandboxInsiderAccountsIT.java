package dev.cohort.sandbox.insider;

import static dev.cohort.sandbox.insider.FpsClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxInsiderAccountsIT {
    private static final int SEGMENTS_PER_ACCOUNT = 15;

    private FileHost files;
    private CallbackReceiver callbacks;
    private SandboxInsiderServer insider;
    private FpsClient client;

    @BeforeEach
    void start() {
        files = FileHost.start();
        callbacks = CallbackReceiver.start();
        insider = SandboxInsiderServer.builder().account("brand-a", "tok-a-51f0").account("brand-b", "tok-b-93c2")
                .callbackDelay(Duration.ZERO).start();
        client = new FpsClient(insider);
    }

    @AfterEach
    void stop() {
        insider.close();
        callbacks.close();
        files.close();
    }

    @Test
    void accountsUploadingConcurrentlyKeepTheirOwnSegments() {
        List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < SEGMENTS_PER_ACCOUNT; i++) {
                uploads.add(upload(threads, "brand-a", "tok-a-51f0", "segment-" + i, "a" + i + "@example.com\n"));
                uploads.add(upload(threads, "brand-b", "tok-b-93c2", "segment-" + i, "b" + i + "@example.com\nb" + i + "@example.net\n"));
            }
        }

        assertThat(uploads).allSatisfy(upload -> assertThat(upload.join().statusCode()).isEqualTo(202));
        callbacks.awaitCount(2 * SEGMENTS_PER_ACCOUNT);
        assertThat(insider.segments("brand-a")).hasSize(SEGMENTS_PER_ACCOUNT);
        assertThat(insider.segments("brand-b")).hasSize(SEGMENTS_PER_ACCOUNT);
        for (int i = 0; i < SEGMENTS_PER_ACCOUNT; i++) {
            assertThat(client.download("brand-a", "tok-a-51f0", "segment-" + i).body()).isEqualTo("a" + i + "@example.com\n");
            assertThat(client.download("brand-b", "tok-b-93c2", "segment-" + i).body())
                    .isEqualTo("b" + i + "@example.com\nb" + i + "@example.net\n");
        }
        assertThat(callbacks.received()).filteredOn(result -> result.path().startsWith("/callbacks/brand-b"))
                .allSatisfy(result -> assertThat(result.body().get("valid_count").asInt()).isEqualTo(2));
        assertThat(insider.requestCounts("brand-a").admitted()).isEqualTo(2 * SEGMENTS_PER_ACCOUNT);
    }

    @Test
    void oneAccountCannotReadAnothersSegment() {
        client.upload("brand-a", "tok-a-51f0", body("private", "email", files.put("p.csv", "ada@example.com\n"), callbacks.url("a")));
        callbacks.awaitFirst();

        assertThat(client.download("brand-b", "tok-b-93c2", "private").statusCode()).isEqualTo(404);
        assertThat(client.download("brand-a", "tok-b-93c2", "private").statusCode()).isEqualTo(401);
        assertThat(client.download("brand-a", "tok-a-51f0", "private").statusCode()).isEqualTo(200);
    }

    private CompletableFuture<HttpResponse<String>> upload(ExecutorService threads, String partner, String token, String segment,
                                                           String content) {
        return CompletableFuture.supplyAsync(() -> client.upload(partner, token, body(segment, "email",
                files.put(partner + "-" + segment + ".csv", content), callbacks.url(partner + "/" + segment))), threads);
    }
}
