package dev.cohort.connector.braze;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST <rest_endpoint>/users/track} with {@code Authorization: Bearer <api_key>}: one request, one answer, the
 * whole of it within the configured request timeout. Follows no redirect, so the key never goes to another host.
 */
final class UsersTrackClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The most of an answer's body kept (Braze's answers are a few kilobytes). */
    static final int MAX_ANSWER_BYTES = 256 * 1024;
    static final HttpClient SHARED = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Braze's answer: status, headers and (the first part of) the body. */
    record Answer(int status, HttpHeaders headers, byte[] body) {}

    private final HttpClient http;

    UsersTrackClient(HttpClient http) {
        this.http = http;
    }

    /** @throws IOException when Braze cannot be reached or does not answer within the request timeout */
    Answer post(BrazeConfig config, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(config.usersTrackUrl())
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + config.apiKey())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = answer.get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            byte[] bytes = response.body();
            return new Answer(response.statusCode(), response.headers(),
                    bytes.length > MAX_ANSWER_BYTES ? Arrays.copyOf(bytes, MAX_ANSWER_BYTES) : bytes);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("request timed out");
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }
}
