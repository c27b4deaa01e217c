package dev.cohort.sandbox.insider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Calls the stand-in the way Cohort's connector will, with the JDK's HTTP client. */
final class FpsClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SandboxInsiderServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    FpsClient(SandboxInsiderServer server) {
        this.server = server;
    }

    /** An upload body with the default field names and no {@code mode}. */
    static Map<String, Object> body(String segmentName, String attribute, URI csvUrl, URI callbackUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("segment_name", segmentName);
        body.put("attribute", attribute);
        body.put("csv_url", csvUrl.toString());
        body.put("callback_url", callbackUrl.toString());
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.remove(field);
        return changed;
    }

    static String json(Map<String, ?> body) {
        return JSON.writeValueAsString(body);
    }

    HttpResponse<String> upload(String partner, String token, Map<String, ?> body) {
        return upload(partner, token, json(body));
    }

    HttpResponse<String> upload(String partner, String token, String json) {
        return send(HttpRequest.newBuilder(server.uploadUrl())
                .header(FpsApi.PARTNER_HEADER, partner)
                .header(FpsApi.TOKEN_HEADER, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> download(String partner, String token, String segmentName) {
        return send(HttpRequest.newBuilder(server.downloadUrl(segmentName))
                .header(FpsApi.PARTNER_HEADER, partner)
                .header(FpsApi.TOKEN_HEADER, token)
                .GET());
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
}
