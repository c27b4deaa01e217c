package dev.cohort.connector.insider;

import dev.cohort.normalisation.WhiteSpace;
import dev.cohort.spi.Causes;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.RequestPermits;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.net.ssl.SSLException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Insider One's FPS API as one delivery uses it: the upload, and the current segment's download for add and
 * remove. Each request first takes a permit ({@link RequestPermits}: the runtime paces them under the declared
 * rate limit), carries {@code X-PARTNER-NAME} and {@code X-REQUEST-TOKEN}, and follows no redirect, so the
 * token never goes to another host. Every answer but success becomes a {@link PartnerException} whose kind
 * says whether the runtime retries (429, 5xx, connection failures) and which names what to fix; no message
 * holds the token, the partner name or a segment value.
 */
final class InsiderApi {
    static final String PARTNER_HEADER = "X-PARTNER-NAME";
    static final String TOKEN_HEADER = "X-REQUEST-TOKEN";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Until the answer's headers arrive; a download's body may then take as long as it takes. */
    static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(2);
    private static final int MAX_ERROR_BYTES = 8 * 1024;
    private static final int MAX_QUOTED_CHARACTERS = 200;
    private static final HttpClient SHARED = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final InsiderOneConfig config;
    private final RequestPermits permits;
    private final HttpClient http;

    InsiderApi(InsiderOneConfig config, RequestPermits permits) {
        this(config, permits, SHARED);
    }

    InsiderApi(InsiderOneConfig config, RequestPermits permits, HttpClient http) {
        this.config = config;
        this.permits = permits;
        this.http = http;
    }

    /** POSTs the upload body; returns when Insider accepted it (202, or any 2xx). */
    void upload(byte[] body) {
        HttpRequest request = authorised(config.uploadUrl())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        Call call = new Call("the upload of segment '" + config.segmentName() + "'", config.uploadUrl(), true);
        HttpResponse<InputStream> response = send(request, call);
        try (InputStream answer = response.body()) {
            if (response.statusCode() / 100 == 2) {
                answer.transferTo(OutputStream.nullOutputStream());
                return;
            }
            throw failure(call, response, errorText(answer));
        } catch (IOException e) {
            throw connectionFailure(call, e);
        }
    }

    /**
     * Downloads the current segment into {@code target}, one value per line, trimmed, blank lines left out.
     *
     * @return false when Insider has no such segment (404): nothing was written
     */
    boolean downloadSegment(Path target) {
        URI url = config.segmentDownloadUrl();
        Call call = new Call("the download of segment '" + config.segmentName() + "'", url, false);
        HttpResponse<InputStream> response = send(authorised(url).GET().build(), call);
        try (InputStream answer = response.body()) {
            int status = response.statusCode();
            if (status == 200) {
                copyValues(answer, target);
                return true;
            }
            if (status == 404) {
                answer.transferTo(OutputStream.nullOutputStream());
                return false;
            }
            throw failure(call, response, errorText(answer));
        } catch (IOException e) {
            throw connectionFailure(call, e);
        }
    }

    private static void copyValues(InputStream answer, Path target) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(answer, StandardCharsets.UTF_8), 1 << 16);
             BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                String value = WhiteSpace.trim(line);
                if (!value.isEmpty()) {
                    out.write(value);
                    out.write('\n');
                }
            }
        }
    }

    private HttpRequest.Builder authorised(URI url) {
        return HttpRequest.newBuilder(url)
                .timeout(ANSWER_TIMEOUT)
                .header(PARTNER_HEADER, config.partnerName())
                .header(TOKEN_HEADER, config.apiToken());
    }

    private HttpResponse<InputStream> send(HttpRequest request, Call call) {
        try {
            permits.acquire();
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerException(InsiderErrors.INTERRUPTED, call.what + " to Insider One was interrupted: the run was cancelled"
                    + " or Cohort is stopping", e);
        } catch (IOException e) {
            throw connectionFailure(call, e);
        }
    }

    /** What the answer means for the run: retried (429, 5xx, 408) or not, and what the user should do. */
    private PartnerException failure(Call call, HttpResponse<?> response, String error) {
        int status = response.statusCode();
        Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now()).orElse(null);
        String answered = "Insider One answered " + status + (error.isEmpty() ? "" : " \"" + error + "\"") + " to " + call.what;
        if (status == 401) {
            return new PartnerException(InsiderErrors.BAD_API_KEY, "Insider One refused the partner name or API token ("
                    + (error.isEmpty() ? "401" : error) + "): check credential values partner_name and api_token");
        }
        if (status == 429) {
            return new PartnerException(InsiderErrors.RATE_LIMITED, answered + ": over Insider's rate limit of "
                    + InsiderOneDestinationType.RATE_LIMIT.requests() + " requests per second (another system may use the same"
                    + " partner account); retried " + (retryAfter == null ? "with back-off" : "after " + retryAfter.toSeconds() + " s"),
                    retryAfter, null);
        }
        if (status >= 500 || status == 408) {
            return new PartnerException(InsiderErrors.UNAVAILABLE, answered + ": Insider One failed or is unavailable; retried"
                    + (retryAfter == null ? " with back-off" : " after " + retryAfter.toSeconds() + " s"), retryAfter, null);
        }
        if (call.upload && status == 400) {
            boolean nameTaken = error.toLowerCase(Locale.ROOT).contains("exists");
            return new PartnerException(nameTaken ? InsiderErrors.SEGMENT_NAME_EXISTS : InsiderErrors.BAD_REQUEST, answered
                    + (nameTaken ? ": the name is taken in the Insider account" + (config.uploadFields().sendsMode() ? ""
                    : " (upload_field_mode is empty, so an existing segment cannot be replaced)") + ": pick another segment_name"
                    : ": Insider refused the request; check segment_name and attribute"));
        }
        if (call.upload && status == 405) {
            UploadFieldNames names = config.uploadFields();
            return new PartnerException(InsiderErrors.INVALID_PAYLOAD, answered + ": Invalid Payload: the upload's field names may"
                    + " not be Insider's: set the upload field names (upload_field_segment_name, upload_field_attribute,"
                    + " upload_field_csv_url, upload_field_callback_url, upload_field_mode; now " + names.segmentName() + ", "
                    + names.attribute() + ", " + names.csvUrl() + ", " + names.callbackUrl() + ", "
                    + (names.sendsMode() ? names.mode() : "left out") + ")");
        }
        String hint = call.upload ? ": check base_url (the upload goes to " + call.url + ")"
                : ": check base_url and segment_download_path (the download is " + call.url + ")";
        return new PartnerException(InsiderErrors.UNEXPECTED_ANSWER, answered + hint);
    }

    private static PartnerException connectionFailure(Call call, IOException e) {
        String where = call.url.getHost() + (call.url.getPort() < 0 ? "" : ":" + call.url.getPort());
        String prefix = call.what + " to Insider One failed: ";
        if (e instanceof HttpConnectTimeoutException) {
            return retried(prefix + "could not connect to " + where + " within " + CONNECT_TIMEOUT.toSeconds() + " s; retried", e);
        }
        if (e instanceof HttpTimeoutException) {
            return retried(prefix + "no answer from " + where + " within " + ANSWER_TIMEOUT.toMinutes() + " min; retried", e);
        }
        if (Causes.has(e, SSLException.class)) {
            return new PartnerException(InsiderErrors.TLS_FAILED, prefix + "the TLS handshake with " + where + " failed ("
                    + Causes.rootMessage(e) + "): its certificate is not trusted by this Java or is not for that host; check base_url", e);
        }
        if (Causes.has(e, UnresolvedAddressException.class) || Causes.has(e, UnknownHostException.class)) {
            return retried(prefix + "the host " + call.url.getHost() + " does not resolve (DNS); check base_url; retried", e);
        }
        if (e instanceof ConnectException) {
            return retried(prefix + "the connection to " + where + " was refused; retried", e);
        }
        return retried(prefix + "the connection to " + where + " broke (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); retried", e);
    }

    private static PartnerException retried(String message, IOException cause) {
        return new PartnerException(InsiderErrors.UNREACHABLE, message, cause);
    }

    /**
     * Insider's own words from an error answer ({@code {"error":"Bad Api Key."}} gives {@code Bad Api Key.}), at most
     * 200 characters of printable text, with any credential value blanked out; empty when there are none.
     */
    private String errorText(InputStream answer) throws IOException {
        byte[] bytes = answer.readNBytes(MAX_ERROR_BYTES);
        answer.transferTo(OutputStream.nullOutputStream());
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            JsonNode json = Json.read(bytes);
            for (String field : new String[] {"error", "message", "detail"}) {
                if (json != null && json.isObject() && json.path(field).isString()) {
                    text = json.path(field).stringValue();
                    break;
                }
            }
        } catch (JacksonException e) {
            // not JSON: quote the text as it is
        }
        return quotable(text, config);
    }

    static String quotable(String text, InsiderOneConfig config) {
        String clean = text.replaceAll("\\p{Cntrl}+", " ").strip();
        for (String secret : new String[] {config.apiToken(), config.partnerName()}) {
            if (!secret.isEmpty()) {
                clean = clean.replace(secret, "****");
            }
        }
        return clean.length() > MAX_QUOTED_CHARACTERS ? clean.substring(0, MAX_QUOTED_CHARACTERS) + "…" : clean;
    }

    /** One request, as messages name it. */
    private record Call(String what, URI url, boolean upload) {}
}
