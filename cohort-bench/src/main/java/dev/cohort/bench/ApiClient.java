package dev.cohort.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's client of Cohort's HTTP API: the JDK's {@link HttpClient} (HTTP/1.1 on loopback, its
 * own work on virtual threads), sending an operator's API token with every request. Safe for many
 * threads at once.
 */
final class ApiClient implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String authorization;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;

    ApiClient(String token) {
        this.authorization = "Bearer " + token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** {@code POST /api/v1/orchestrations/{name}/runs} on the node at {@code baseUrl}: the new run's id. */
    long requestRun(String baseUrl, String orchestration) {
        URI uri = URI.create(baseUrl + "/api/v1/orchestrations/" + URLEncoder.encode(orchestration, StandardCharsets.UTF_8)
                + "/runs");
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 202) {
            throw new BenchmarkException("POST " + uri + " answered " + response.statusCode() + " instead of 202: "
                    + excerpt(response.body()));
        }
        JsonNode id = JSON.readTree(response.body()).get("id");
        if (id == null || !id.canConvertToLong()) {
            throw new BenchmarkException("POST " + uri + " answered 202 without a run id: " + excerpt(response.body()));
        }
        return id.asLong();
    }

    /** {@code GET uri}; the caller checks the status. */
    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", authorization).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BenchmarkException("the request to the server failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted while waiting for the server", e);
        }
    }

    static String excerpt(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    @Override
    public void close() {
        http.close();
        executor.close();
    }
}
