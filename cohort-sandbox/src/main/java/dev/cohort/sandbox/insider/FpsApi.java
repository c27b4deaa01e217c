package dev.cohort.sandbox.insider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The First-Party Segment API's routes: {@code POST /fps/v1/upload} and the stand-in's
 * {@code GET /fps/v1/segments/{name}/download}. Each request is authenticated by {@code X-PARTNER-NAME} and
 * {@code X-REQUEST-TOKEN}, then counted against its account's rate limit, then served; every answer is an
 * event. Error bodies are Insider's shape, {@code {"error":"…"}}.
 */
final class FpsApi implements HttpHandler {
    static final String UPLOAD_PATH = "/fps/v1/upload";
    static final String SEGMENTS_PATH = "/fps/v1/segments/";
    static final String DOWNLOAD_SUFFIX = "/download";
    static final String PARTNER_HEADER = "X-PARTNER-NAME";
    static final String TOKEN_HEADER = "X-REQUEST-TOKEN";
    static final String SEGMENT_NAME_EXISTS = "Segment Name Exists.";
    static final String BAD_API_KEY = "Bad Api Key.";
    static final String INVALID_PAYLOAD = "Invalid Payload.";
    static final String TOO_MANY_REQUESTS = "Too Many Requests.";
    static final String INTERNAL_ERROR = "Internal Server Error.";
    static final String SEGMENT_NOT_FOUND = "Segment Not Found.";
    /** Upload bodies are a few hundred bytes; anything above this is not a valid payload. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final Map<String, AccountState> accounts;
    private final InsiderFaults faults;
    private final InsiderEventLog events;
    private final InstantSource clock;
    private final InsiderUploadFields uploadFields;
    private final boolean segmentReplacement;
    private final UploadProcessor processor;
    private final AtomicLong uploadIds = new AtomicLong();

    FpsApi(Map<String, AccountState> accounts, InsiderFaults faults, InsiderEventLog events, InstantSource clock,
           InsiderUploadFields uploadFields, boolean segmentReplacement, UploadProcessor processor) {
        this.accounts = accounts;
        this.faults = faults;
        this.events = events;
        this.clock = clock;
        this.uploadFields = uploadFields;
        this.segmentReplacement = segmentReplacement;
        this.processor = processor;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Call call = new Call(exchange);
        try {
            byte[] body = readBody(exchange);
            String path = exchange.getRequestURI().getRawPath();
            if (UPLOAD_PATH.equals(path)) {
                if (call.allows("POST")) {
                    upload(call, body);
                }
            } else if (path.startsWith(SEGMENTS_PATH) && path.endsWith(DOWNLOAD_SUFFIX)) {
                if (call.allows("GET")) {
                    download(call, path.substring(SEGMENTS_PATH.length(), path.length() - DOWNLOAD_SUFFIX.length()));
                }
            } else {
                call.error(404, "Not Found.", "no such endpoint; the API has POST " + UPLOAD_PATH + " and GET "
                        + SEGMENTS_PATH + "{name}" + DOWNLOAD_SUFFIX);
            }
        } catch (RuntimeException e) {
            call.failed(e);
        } finally {
            exchange.close();
        }
    }

    private void upload(Call call, byte[] body) throws IOException {
        AccountState account = authenticated(call);
        if (account == null || !withinRateLimit(call, account)) {
            return;
        }
        if (faults.takeUploadToFail()) {
            call.error(500, INTERNAL_ERROR, "fault: failNextUploads");
            return;
        }
        String contentType = call.exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            call.error(405, INVALID_PAYLOAD, "the Content-Type must be application/json");
            return;
        }
        if (body.length > MAX_BODY_BYTES) {
            call.error(405, INVALID_PAYLOAD, "the body is larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        UploadRequest upload;
        try {
            upload = UploadRequest.parse(body, faults.uploadFieldsOr(uploadFields), segmentReplacement);
        } catch (UploadRequest.InvalidPayload e) {
            call.error(405, INVALID_PAYLOAD, e.getMessage());
            return;
        }
        call.segment = upload.segmentName();
        if (account.reserve(upload.segmentName(), upload.replace()) == AccountState.Reservation.NAME_EXISTS) {
            call.error(400, SEGMENT_NAME_EXISTS, "the account has a segment of that name; upload with mode replace to replace it");
            return;
        }
        long uploadId = uploadIds.incrementAndGet();
        try {
            call.answer(202, "application/json", Json.write(Map.of("message", "Upload accepted; the result will be posted to the callback URL.")),
                    upload.attribute().wireName() + (upload.replace() ? ", replace" : ", create") + ", file " + Urls.shown(upload.csvUrl()));
        } finally {
            processor.submit(account, uploadId, upload);
        }
    }

    private void download(Call call, String rawName) throws IOException {
        AccountState account = authenticated(call);
        if (account == null || !withinRateLimit(call, account)) {
            return;
        }
        Optional<InsiderSegment> segment = segmentName(rawName).flatMap(name -> {
            call.segment = name;
            return account.segment(name);
        });
        if (segment.isEmpty()) {
            call.error(404, SEGMENT_NOT_FOUND, "the account has no stored segment of that name");
            return;
        }
        call.exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"segment.csv\"");
        call.answer(200, "text/csv; charset=utf-8", segment.get().csv().getBytes(StandardCharsets.UTF_8),
                segment.get().values().size() + " value(s)");
    }

    private AccountState authenticated(Call call) throws IOException {
        if (faults.rejectsEveryToken()) {
            call.error(401, BAD_API_KEY, "fault: rejectEveryToken");
            return null;
        }
        String partner = call.exchange.getRequestHeaders().getFirst(PARTNER_HEADER);
        String token = call.exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        AccountState account = partner == null ? null : accounts.get(partner);
        if (account != null && account.account().acceptsToken(token)) {
            call.partner = account.partner();
            return account;
        }
        String why;
        if (partner == null || token == null) {
            why = "the " + PARTNER_HEADER + " and " + TOKEN_HEADER + " headers are both required";
        } else if (account == null) {
            why = partner.equals(partner.toLowerCase(Locale.ROOT)) ? "no account has that partner name"
                    : "the partner name must be lower-case";
        } else {
            call.partner = account.partner();
            why = "wrong API token for the partner";
        }
        call.error(401, BAD_API_KEY, why);
        return null;
    }

    private boolean withinRateLimit(Call call, AccountState account) throws IOException {
        Optional<Duration> wait = account.rateLimit().tryAdmit(clock.instant());
        if (wait.isEmpty()) {
            return true;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        call.exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
        call.error(429, TOO_MANY_REQUESTS, "over the rate limit; retry after " + seconds + " s");
        return false;
    }

    /** The segment name of a download path: one path segment, percent-decoded ({@code +} stays a plus). */
    private static Optional<String> segmentName(String raw) {
        if (raw.isEmpty() || raw.contains("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            in.transferTo(OutputStream.nullOutputStream());
            return body;
        }
    }

    /** One request being answered: who sent it, which segment it is about, and the event its answer makes. */
    private final class Call {
        private final HttpExchange exchange;
        private String partner;
        private String segment;

        Call(HttpExchange exchange) {
            this.exchange = exchange;
        }

        boolean allows(String method) throws IOException {
            if (method.equals(exchange.getRequestMethod())) {
                return true;
            }
            exchange.getResponseHeaders().set("Allow", method);
            error(405, "Method Not Allowed.", "this endpoint takes " + method);
            return false;
        }

        /** Answers 500 for a fault of the sandbox itself, unless an answer was sent already. */
        void failed(RuntimeException e) {
            if (exchange.getResponseCode() != -1) {
                return;
            }
            try {
                error(500, INTERNAL_ERROR, "the sandbox failed: " + e.getClass().getSimpleName());
            } catch (IOException | RuntimeException ignored) {
                // the client is gone
            }
        }

        void error(int status, String message, String reason) throws IOException {
            answer(status, "application/json", Json.error(message), reason);
        }

        void answer(int status, String contentType, byte[] body, String detail) throws IOException {
            events.record(InsiderEvent.Kind.REQUEST_ANSWERED, partner, segment, status,
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + ": " + detail);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
