package dev.cohort.sandbox.air;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the AIR stand-in the way Cohort's connector will: JDK HTTP client, every request signed. */
final class AirTestClient {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final SandboxAirServer server;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    AirTestClient(SandboxAirServer server, String clientId, String clientSecret) {
        this.server = server;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** A trigger body as the PARTNERS.md inbound request's {@code body}. */
    static String triggerBody(String identityValue, String reference, String... actions) {
        List<Map<String, String>> triggers = new ArrayList<>();
        for (String action : actions) {
            triggers.add(Map.of("reference", action));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identityValue", identityValue);
        body.put("walletTransaction", Map.of("reference", reference));
        body.put("triggers", triggers);
        return JSON.writeValueAsString(body);
    }

    HttpResponse<String> trigger(String identityValue, String reference, String... actions) {
        return post(AirApi.TRIGGER_PATH, triggerBody(identityValue, reference, actions));
    }

    HttpResponse<String> post(String pathAndQuery, String body) {
        return send("POST", pathAndQuery, body, clientId, AirSignature.hash(pathAndQuery, bytes(body), clientSecret));
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, "", clientId, AirSignature.hash(pathAndQuery, new byte[0], clientSecret));
    }

    /** A request with the given headers, null for a header left out. */
    HttpResponse<String> send(String method, String pathAndQuery, String body, String clientIdHeader, String hashHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery))
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (clientIdHeader != null) {
            request.header(AirApi.CLIENT_HEADER, clientIdHeader);
        }
        if (hashHeader != null) {
            request.header(AirApi.HASH_HEADER, hashHeader);
        }
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

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
