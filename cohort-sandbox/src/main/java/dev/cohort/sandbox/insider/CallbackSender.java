package dev.cohort.sandbox.insider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Posts an upload's result to its callback URL, trying again after a failure — a connection that fails, or
 * any answer but 2xx (redirects are not followed) — up to the configured number of attempts, waiting the retry
 * delay, then twice that, and so on. Every attempt is an event.
 */
final class CallbackSender {
    private final HttpClient http;
    private final Background background;
    private final InsiderEventLog events;
    private final InsiderFaults faults;
    private final InsiderCallbackFields fields;
    private final int attempts;
    private final Duration retryDelay;
    private final Duration timeout;

    CallbackSender(HttpClient http, Background background, InsiderEventLog events, InsiderFaults faults,
                   InsiderCallbackFields fields, int attempts, Duration retryDelay, Duration timeout) {
        this.http = http;
        this.background = background;
        this.events = events;
        this.faults = faults;
        this.fields = fields;
        this.attempts = attempts;
        this.retryDelay = retryDelay;
        this.timeout = timeout;
    }

    /** Schedules the first attempt {@code delay} from now. */
    void sendAfter(Duration delay, String partner, URI callbackUrl, CallbackResult result) {
        background.runAfter(delay, () -> attempt(partner, callbackUrl, result, 1));
    }

    private void attempt(String partner, URI callbackUrl, CallbackResult result, int attempt) {
        String segment = result.segmentName();
        String target = Urls.shown(callbackUrl);
        if (attempt == 1 && faults.withholdsCallbacks()) {
            events.record(InsiderEvent.Kind.CALLBACK_WITHHELD, partner, segment, 0, result.summary() + " for " + target);
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(callbackUrl)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", SandboxInsiderServer.USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(result.toJson(faults.callbackFieldsOr(fields))))
                .build();
        int status = 0;
        String failure;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            failure = status >= 200 && status < 300 ? null : "answered HTTP " + status;
        } catch (HttpTimeoutException e) {
            failure = "no answer within " + timeout.toMillis() + " ms";
        } catch (ConnectException e) {
            failure = "cannot connect to " + target;
        } catch (IOException e) {
            failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        String of = "attempt " + attempt + " of " + attempts + " to " + target + ": ";
        events.record(InsiderEvent.Kind.CALLBACK_ATTEMPTED, partner, segment, status, of + (failure == null ? "HTTP " + status : failure));
        if (failure == null) {
            events.record(InsiderEvent.Kind.CALLBACK_DELIVERED, partner, segment, status, result.summary());
        } else if (attempt < attempts) {
            background.runAfter(retryDelay.multipliedBy(1L << Math.min(attempt - 1, 20)),
                    () -> attempt(partner, callbackUrl, result, attempt + 1));
        } else {
            events.record(InsiderEvent.Kind.CALLBACK_ABANDONED, partner, segment, status,
                    result.summary() + "; " + attempts + " attempt(s) to " + target + " failed, the last " + failure);
        }
    }
}
