package dev.cohort.notify;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.util.Objects;
import javax.net.ssl.SSLHandshakeException;

/**
 * Delivers notifications as signed JSON POSTs (see {@link WebhookSignature} and {@link NotificationJson}).
 * Redirects are not followed: the receiver must be at the configured URL.
 */
public final class WebhookChannel implements NotificationChannel {
    /** The {@code User-Agent} of every request; the number is the version of the format. */
    public static final String USER_AGENT = "Cohort-Webhook/1";
    /** A header repeating the JSON's {@code event}, so receivers can route without parsing the body. */
    public static final String EVENT_HEADER = "X-Cohort-Event";

    private final WebhookConfig config;
    private final Clock clock;
    private final HttpClient client;
    private final String label;

    public WebhookChannel(WebhookConfig config) {
        this(config, Clock.systemUTC());
    }

    /** A channel that signs with {@code clock}'s time; for tests. */
    WebhookChannel(WebhookConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.label = "Webhook channel '" + config.name() + "' (" + config.endpoint() + ")";
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public boolean wants(NotificationLevel level) {
        return config.levels().contains(level);
    }

    @Override
    public DeliveryOutcome deliver(Notification notification) {
        byte[] body = NotificationJson.bytes(notification);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(config.url())
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(EVENT_HEADER, notification.event())
                .header(WebhookSignature.DELIVERY_HEADER, DeliveryId.of(notification, config.name()))
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(config.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return WebhookResponses.outcome(label, response.statusCode(), response.headers(), clock.instant());
        } catch (HttpConnectTimeoutException e) {
            return DeliveryOutcome.temporary(label + ": could not connect within "
                    + config.connectTimeout().toMillis() + " ms; check that the receiver is up and reachable from Cohort.");
        } catch (HttpTimeoutException e) {
            return DeliveryOutcome.temporary(label + ": the receiver did not answer within "
                    + config.requestTimeout().toMillis() + " ms; it should answer quickly and do slow work later.");
        } catch (ConnectException e) {
            return DeliveryOutcome.temporary(label + ": could not connect (" + describe(e) + "); check that the"
                    + " receiver is running and the URL's host and port are right.");
        } catch (SSLHandshakeException e) {
            return DeliveryOutcome.permanent(label + ": the TLS handshake failed (" + describe(e) + "); check that"
                    + " the receiver's certificate is valid for its host name and trusted by Cohort's Java.");
        } catch (IOException e) {
            return DeliveryOutcome.temporary(label + ": the request failed (" + describe(e) + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.temporary(label + ": interrupted before the receiver answered.");
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * What went wrong, from the first cause that says: the JDK's client often throws a {@code ConnectException}
     * without a message around the one that explains. The URL, whose path may hold a token, is cut to its endpoint.
     */
    private String describe(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "host name not found";
            }
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return (cause.getClass().getSimpleName() + ": " + cause.getMessage())
                        .replace(config.url().toString(), config.endpoint());
            }
        }
        return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
    }
}
