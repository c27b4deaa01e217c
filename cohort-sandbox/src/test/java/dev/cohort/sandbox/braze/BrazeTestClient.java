package dev.cohort.sandbox.braze;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the Braze stand-in the way Cohort's connector will, with the JDK's HTTP client. */
final class BrazeTestClient {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final SandboxBrazeServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    BrazeTestClient(SandboxBrazeServer server) {
        this.server = server;
    }

    HttpResponse<String> track(String apiKey, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.trackUrl()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request);
    }

    HttpResponse<String> get(String apiKey, URI url) {
        return send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + apiKey).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** {@code {"events":[e, e, …]}} with {@code count} copies of {@code event}. */
    static String events(int count, String event) {
        return "{\"events\":[" + String.join(",", java.util.Collections.nCopies(count, event)) + "]}";
    }

    static String event(String externalId, String name) {
        return "{\"external_id\":\"" + externalId + "\",\"name\":\"" + name + "\",\"time\":\"2030-01-01T09:30:00Z\"}";
    }
}
