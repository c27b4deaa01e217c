package dev.cohort.connector.air;

import dev.cohort.spi.Causes;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.RequestPermits;
import dev.cohort.spi.event.Trigger;
import dev.cohort.spi.event.TriggerResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One {@code POST <base_url><trigger_path>}: the body {@code {"identityValue", "walletTransaction": {"reference"},
 * "triggers": [{"reference"}, …]}}, signed ({@link AirSignature}), sent after a permit, no redirect followed. The
 * answer becomes a {@link TriggerResult} or a {@link PartnerException} whose kind says whether the runtime retries
 * (429, 5xx, timeouts, connection failures) and whose message names what to fix; no message holds a credential
 * value or the identity value.
 *
 * <p>A reference AIR has seen: AIR keeps wallet transaction references unique, so a trigger repeated after a lost
 * answer is refused rather than rewarded twice. Cohort reads a {@code 409 Conflict}, or a 2xx answer with
 * {@code "duplicate": true}, as "already done": a result with {@code duplicate = true}, not an error.
 */
final class TriggerCall {
    private static final Logger LOG = LoggerFactory.getLogger(TriggerCall.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ANSWER_BYTES = 1 << 20;
    private static final int MAX_QUOTED_CHARACTERS = 200;
    private static final HttpClient SHARED = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final AirConfig config;
    private final HttpClient http;

    TriggerCall(AirConfig config) {
        this(config, SHARED);
    }

    TriggerCall(AirConfig config, HttpClient http) {
        this.config = config;
        this.http = http;
    }

    /** The request body, in AIR's field order. */
    static byte[] body(Trigger trigger) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identityValue", trigger.identityValue());
        body.put("walletTransaction", Map.of("reference", trigger.transactionReference()));
        body.put("triggers", trigger.actionReferences().stream().map(reference -> Map.of("reference", reference)).toList());
        return Json.write(body);
    }

    TriggerResult send(Trigger trigger, RequestPermits permits) throws InterruptedException {
        check(trigger);
        URI url = config.triggerUrl();
        byte[] body = body(trigger);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(AirSignature.CLIENT_ID_HEADER, config.clientId())
                .header(AirSignature.HASH_HEADER, AirSignature.hash(AirSignature.pathAndQuery(url), body, config.clientSecret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        permits.acquire();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw connectionFailure(url, e);
        }
        try (InputStream stream = response.body()) {
            byte[] answer = stream.readNBytes(MAX_ANSWER_BYTES);
            stream.transferTo(OutputStream.nullOutputStream());
            int status = response.statusCode();
            if (status / 100 == 2) {
                TriggerResult result = result(answer, Json.isTrue(parse(answer), "duplicate", "isDuplicate"));
                LOG.debug("AIR took trigger {} ({}): transaction {}, {} points{}", trigger.transactionReference(), status,
                        result.transactionId(), result.pointsAwarded(), result.duplicate() ? ", already done" : "");
                return result;
            }
            if (status == 409) {
                LOG.debug("AIR had already done trigger {} (409)", trigger.transactionReference());
                return result(answer, true);
            }
            throw failure(trigger, response, answer);
        } catch (IOException e) {
            throw connectionFailure(url, e);
        }
    }

    private static void check(Trigger trigger) {
        if (trigger.identityValue().isBlank() || trigger.transactionReference().isBlank()
                || trigger.actionReferences().stream().anyMatch(reference -> reference == null || reference.isBlank())) {
            String missing = trigger.identityValue().isBlank() ? "identity value" : trigger.transactionReference().isBlank()
                    ? "wallet transaction reference" : "action reference";
            throw new PartnerException(AirErrors.TRIGGER_INVALID, "the trigger's " + missing + " is empty: AIR needs the consumer's"
                    + " identity value, a unique wallet transaction reference and the behavioural actions' references; fix the"
                    + " inbound request or the query's columns");
        }
    }

    /**
     * What AIR did, from its answer (a wallet transaction, or a list of them); tolerant of anything else. For a
     * duplicate the points are unknown: the answer describes the first run, and nothing new was issued.
     */
    static TriggerResult result(byte[] answer, boolean duplicate) {
        JsonNode root = parse(answer);
        JsonNode transaction = root.path("walletTransaction").isObject() ? root.path("walletTransaction")
                : root.path("walletTransactions").isArray() && !root.path("walletTransactions").isEmpty()
                ? root.path("walletTransactions").get(0) : root;
        Long points = null;
        JsonNode accounts = transaction.path("accounts");
        if (accounts.isArray()) {
            List<AccountTransaction> movements = AccountTransaction.distinct(accounts.values().stream().filter(JsonNode::isObject)
                    .map(AccountTransaction::of)).stream().filter(AccountTransaction::points).toList();
            if (!movements.isEmpty()) {
                points = movements.stream().mapToLong(AccountTransaction::pointsChange).sum();
            }
        }
        if (points == null) {
            Long given = Json.whole(transaction, "basket.summary.points.totalPointsGiven",
                    "basket.summary.results.points.totalPointsGiven", "pointsAwarded", "points");
            Long taken = Json.whole(transaction, "basket.summary.points.totalPointsTaken", "basket.summary.results.points.totalPointsTaken");
            points = given == null ? null : given - (taken == null ? 0 : taken);
        }
        return new TriggerResult(Json.text(transaction, "walletTransactionId", "transactionId"), Json.text(transaction, "status"),
                duplicate ? null : points, duplicate);
    }

    private static JsonNode parse(byte[] answer) {
        if (answer.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return Json.read(answer);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    /** What an error answer means: retried (429, 5xx, 408) or not, and what the user should do. */
    private PartnerException failure(Trigger trigger, HttpResponse<?> response, byte[] answer) {
        int status = response.statusCode();
        Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now()).orElse(null);
        String said = errorText(answer, trigger);
        String quoted = said.isEmpty() ? "" : " (\"" + said + "\")";
        String what = "AIR answered " + status + quoted + " to trigger " + trigger.transactionReference();
        String retried = retryAfter == null ? "retried with back-off" : "retried after " + retryAfter.toSeconds() + " s";
        return switch (status) {
            case 400 -> new PartnerException(AirErrors.BAD_REQUEST, what + ": AIR refused the request; check that the action"
                    + " references " + trigger.actionReferences() + " are behavioural actions of the unit (Social Behavioural"
                    + " Actions in the AIR dashboard) and that the reference is unique");
            case 401 -> new PartnerException(AirErrors.UNAUTHORIZED, "AIR refused the client id or its signature (401" + quoted
                    + "): check credential values client_id and client_secret, and that base_url is the unit's region and"
                    + " environment (a sandbox client is unknown in production)");
            case 403 -> new PartnerException(AirErrors.FORBIDDEN, "AIR does not let this client id call services/trigger (403" + quoted
                    + "): ask Eagle Eye to grant the API client access to the wallet services");
            case 404 -> new PartnerException(AirErrors.WALLET_NOT_FOUND, "AIR has no wallet with the trigger's identity value (404"
                    + quoted + ") for trigger " + trigger.transactionReference() + ": the consumer is not a member of the loyalty"
                    + " programme, or the CDP sent another identity than the one AIR knows (check the identity type mapped to"
                    + " identityValue); if every trigger fails this way, check base_url and trigger_path (" + config.triggerUrl() + ")");
            case 429 -> new PartnerException(AirErrors.RATE_LIMITED, what + ": over AIR's rate limit; " + retried, retryAfter, null);
            default -> status >= 500 || status == 408
                    ? new PartnerException(AirErrors.UNAVAILABLE, what + ": AIR failed or is unavailable; " + retried, retryAfter, null)
                    : new PartnerException(AirErrors.UNEXPECTED_ANSWER, what + ": not an answer services/trigger gives; check base_url"
                    + " and trigger_path (the request went to " + config.triggerUrl() + ")");
        };
    }

    private PartnerException connectionFailure(URI url, IOException e) {
        String where = url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
        String prefix = "the trigger request to AIR failed: ";
        if (e instanceof HttpConnectTimeoutException) {
            return unreachable(prefix + "could not connect to " + where + " within " + CONNECT_TIMEOUT.toSeconds() + " s; retried", e);
        }
        if (e instanceof HttpTimeoutException) {
            return unreachable(prefix + "no answer from " + where + " within request_timeout (" + config.requestTimeout().toMillis()
                    + " ms); retried with the same reference, which AIR does not reward twice", e);
        }
        if (Causes.has(e, SSLException.class)) {
            return new PartnerException(AirErrors.TLS_FAILED, prefix + "the TLS handshake with " + where + " failed ("
                    + Causes.rootMessage(e) + "): its certificate is not trusted by this Java or is not for that host; check base_url", e);
        }
        if (Causes.has(e, UnresolvedAddressException.class) || Causes.has(e, UnknownHostException.class)) {
            return unreachable(prefix + "the host " + url.getHost() + " does not resolve (DNS); check base_url; retried", e);
        }
        if (Causes.has(e, ConnectException.class)) {
            return unreachable(prefix + "the connection to " + where + " was refused; check base_url; retried", e);
        }
        return unreachable(prefix + "the connection to " + where + " broke (" + e.getClass().getSimpleName() + "); retried", e);
    }

    private static PartnerException unreachable(String message, IOException cause) {
        return new PartnerException(AirErrors.UNREACHABLE, message, cause);
    }

    /**
     * AIR's own words from an error answer ({@code errorMessage}, {@code message}, {@code error}, …), at most 200
     * characters of printable text, with the credential values and the identity value blanked out; empty when none.
     */
    private String errorText(byte[] answer, Trigger trigger) {
        String text = new String(answer, StandardCharsets.UTF_8);
        JsonNode json = parse(answer);
        String said = Json.text(json, "errorMessage", "message", "error.message", "error", "detail", "title", "errorCode");
        if (said != null) {
            text = said;
        } else if (json.isObject() || json.isArray()) {
            text = "";
        }
        String clean = text.replaceAll("\\p{Cntrl}+", " ").strip();
        for (String secret : new String[] {config.clientSecret(), config.clientId(), trigger.identityValue()}) {
            if (secret != null && !secret.isEmpty()) {
                clean = clean.replace(secret, "****");
            }
        }
        return clean.length() > MAX_QUOTED_CHARACTERS ? clean.substring(0, MAX_QUOTED_CHARACTERS) + "…" : clean;
    }
}
