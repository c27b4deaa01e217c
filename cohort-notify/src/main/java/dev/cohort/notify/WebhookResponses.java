package dev.cohort.notify;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Optional;

/**
 * What a webhook receiver's answer means: 2xx delivered; 408, 425, 429 and 5xx worth trying again (after the
 * {@code Retry-After} the receiver asked for, if any); a redirect, which Cohort does not follow, and other 4xx
 * refused for good.
 */
final class WebhookResponses {
    private WebhookResponses() {
    }

    static DeliveryOutcome outcome(String channel, int status, HttpHeaders headers, Instant now) {
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.delivered("HTTP " + status);
        }
        if (status == 408 || status == 425 || status == 429 || (status >= 500 && status < 600)) {
            String reason = channel + ": the receiver answered HTTP " + status + " (" + temporaryMeaning(status) + ")";
            Optional<String> retryAfter = headers.firstValue("Retry-After");
            return RetryAfter.parse(retryAfter.orElse(null), now)
                    .map(wait -> DeliveryOutcome.temporary(reason + " and asked to wait " + wait.toSeconds() + " s", wait))
                    .orElseGet(() -> DeliveryOutcome.temporary(reason));
        }
        if (status >= 300 && status < 400) {
            String location = headers.firstValue("Location").orElse("no Location header");
            return DeliveryOutcome.permanent(channel + ": the receiver answered HTTP " + status + " redirecting to "
                    + location + "; Cohort does not follow redirects (the signed request would go somewhere else):"
                    + " set the channel's URL to the final address.");
        }
        return DeliveryOutcome.permanent(channel + ": the receiver answered HTTP " + status + ", " + permanentMeaning(status));
    }

    private static String temporaryMeaning(int status) {
        return switch (status) {
            case 408 -> "it timed out reading the request";
            case 425 -> "too early";
            case 429 -> "too many requests";
            case 503 -> "unavailable";
            default -> "a server error";
        };
    }

    private static String permanentMeaning(int status) {
        return switch (status) {
            case 401, 403 -> "refusing Cohort: check that the receiver verifies signatures with the same secret as"
                    + " the channel and accepts requests from Cohort.";
            case 404 -> "there is nothing at that address: check the channel's URL.";
            case 405 -> "the address does not take POST requests: check the channel's URL.";
            case 410 -> "the address is gone for good: change the channel's URL or remove the channel.";
            case 413 -> "the notification is too large for it: raise the receiver's request size limit.";
            default -> status >= 400 && status < 500
                    ? "refusing the notification: check the receiver's logs and that it accepts Cohort's JSON"
                    + " (see docs/notifications.md)."
                    : "which Cohort does not understand as an answer to a webhook: check the channel's URL.";
        };
    }
}
