package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PacedPosterTest {
    @Test
    void postsEveryBodyAtTheRateWithTheTokenAndTimesEachAnswer() throws Exception {
        Queue<String> received = new ConcurrentLinkedQueue<>();
        Queue<String> tokens = new ConcurrentLinkedQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/out", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            tokens.add(exchange.getRequestHeaders().getFirst(PacedPoster.AUTH_HEADER));
            int status = received.size() == 3 ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            List<String> bodies = IntStream.range(0, 20).mapToObj(i -> "{\"n\":" + i + "}").toList();
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/out");

            PacedPoster.Result result = new PacedPoster(http, url, "key-1").post(bodies.size(), bodies::get, 100);

            assertThat(received).containsExactlyInAnyOrderElementsOf(bodies);
            assertThat(tokens).hasSize(20).containsOnly("key-1");
            assertThat(result.answered(200)).isEqualTo(19);
            assertThat(result.others()).isEqualTo("503 × 1");
            assertThat(result.latencyNanos()).hasSize(20).isSorted();
            assertThat(result.seconds()).as("20 posts at 100/s: the last is due after 190 ms").isGreaterThanOrEqualTo(0.19);
            assertThat(result.millis(50)).isPositive().isLessThanOrEqualTo(result.maxMillis());
            assertThat(result.sentAtMicros()).hasSize(20).doesNotContain(0L);
        } finally {
            server.stop(0);
        }
    }
}
