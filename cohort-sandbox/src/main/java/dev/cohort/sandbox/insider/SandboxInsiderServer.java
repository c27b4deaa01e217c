package dev.cohort.sandbox.insider;

import dev.cohort.sandbox.http.SandboxHttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Cohort's stand-in for Insider One's First-Party Segment (FPS) API, on the JDK's HTTP server: accounts
 * (partner name and API token) configured up front, {@code POST /fps/v1/upload} answered {@code 202} at once
 * and processed in the background — the file downloaded from {@code csv_url}, its values counted and stored,
 * the result posted to {@code callback_url} after {@link Builder#callbackDelay} and tried again when that
 * fails — and {@code GET /fps/v1/segments/{name}/download} serving a stored segment back as one value per
 * line, for updates made as Insider documents them (download, change, upload again).
 *
 * <p>Replacing a segment: a body with {@code "mode":"replace"} replaces the segment of that name, or creates
 * it; without {@code mode}, or with {@code "mode":"create"}, an existing name answers
 * {@code 400 {"error":"Segment Name Exists."}}. The {@code mode} field is the stand-in's own (Insider only
 * documents "upload it again"): its name is configurable, and {@link Builder#segmentReplacement(boolean)
 * segmentReplacement(false)} removes it, so a segment can never be uploaded twice under one name.
 *
 * <p>Each account may make {@link Builder#rateLimitPerSecond} requests per clock second (a fixed one-second
 * window); more answer {@code 429} with {@code Retry-After}. {@link #faults()} injects failed uploads, late
 * or missing callbacks, other field names and revoked tokens; {@link #events()} shows what happened.
 *
 * <pre>{@code
 * try (SandboxInsiderServer insider = SandboxInsiderServer.builder()
 *         .account("mybrand", token)
 *         .callbackDelay(Duration.ZERO)
 *         .start()) {
 *     post(insider.uploadUrl(), body);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Start once, close once; a closed server cannot be started again. Closing drops uploads
 * still being processed and callbacks not yet sent.
 */
public final class SandboxInsiderServer extends SandboxHttpServer {
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Insider's documented rate limit: 100 requests per second. */
    public static final int DEFAULT_RATE_LIMIT_PER_SECOND = 100;
    public static final Duration DEFAULT_CALLBACK_DELAY = Duration.ofSeconds(2);
    public static final int DEFAULT_CALLBACK_ATTEMPTS = 3;
    public static final Duration DEFAULT_CALLBACK_RETRY_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;
    static final String USER_AGENT = "cohort-sandbox-insider";
    private static final Duration MAX_DELAY = Duration.ofHours(2);

    private final Map<String, AccountState> accounts;
    private final InsiderFaults faults = new InsiderFaults();
    private final InsiderEventLog events;
    private final InstantSource clock;
    private final InsiderUploadFields uploadFields;
    private final InsiderCallbackFields callbackFields;
    private final boolean segmentReplacement;
    private final int rateLimitPerSecond;
    private final Duration callbackDelay;
    private final int callbackAttempts;
    private final Duration callbackRetryDelay;
    private final Duration httpTimeout;
    private final int maxFileBytes;
    private HttpClient http;
    private Background background;

    private SandboxInsiderServer(Builder builder) {
        super("sandbox Insider One server", builder.host, builder.port);
        Map<String, AccountState> byPartner = new LinkedHashMap<>();
        builder.accounts.forEach(account -> byPartner.put(account.partnerName(), new AccountState(account, builder.rateLimitPerSecond)));
        this.accounts = Collections.unmodifiableMap(byPartner);
        this.clock = builder.clock;
        this.events = new InsiderEventLog(builder.eventListener, clock);
        this.uploadFields = builder.uploadFields;
        this.callbackFields = builder.callbackFields;
        this.segmentReplacement = builder.segmentReplacement;
        this.rateLimitPerSecond = builder.rateLimitPerSecond;
        this.callbackDelay = builder.callbackDelay;
        this.callbackAttempts = builder.callbackAttempts;
        this.callbackRetryDelay = builder.callbackRetryDelay;
        this.httpTimeout = builder.httpTimeout;
        this.maxFileBytes = builder.maxFileBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds and starts a server for one account from command-line style options. */
    public static SandboxInsiderServer start(SandboxInsiderOptions options) {
        return start(options, event -> { });
    }

    /** Builds and starts a server for one account from command-line style options, reporting each event. */
    public static SandboxInsiderServer start(SandboxInsiderOptions options, Consumer<InsiderEvent> eventListener) {
        return builder().host(options.host()).port(options.port()).account(options.toAccount())
                .rateLimitPerSecond(options.rateLimitPerSecond()).callbackDelay(options.callbackDelay())
                .eventListener(eventListener).start();
    }

    /**
     * Listens for requests.
     *
     * @throws SandboxInsiderException {@code SANDBOX_INSIDER_START_FAILED} when the address cannot be bound
     * @throws IllegalStateException when already started or closed
     */
    public synchronized SandboxInsiderServer start() {
        requireStartable();
        http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(httpTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        background = new Background();
        CallbackSender callbacks = new CallbackSender(http, background, events, faults, callbackFields, callbackAttempts,
                callbackRetryDelay, httpTimeout);
        UploadProcessor processor = new UploadProcessor(http, background, events, faults, callbacks, clock, callbackDelay,
                httpTimeout, maxFileBytes);
        try {
            listen("sandbox-insider-request-", new FpsApi(accounts, faults, events, clock, uploadFields, segmentReplacement, processor));
        } catch (IOException e) {
            background.close();
            http.shutdownNow();
            throw new SandboxInsiderException(SandboxInsiderException.START_FAILED, startFailure(e), e);
        }
        return this;
    }

    /** Drops uploads in progress and callbacks not yet sent once it stopped listening; the stored segments stay readable. */
    @Override
    protected void stopped() {
        background.close();
        http.shutdownNow();
    }

    /** {@code url()} + {@code /fps/v1/upload}. */
    public URI uploadUrl() {
        return url().resolve(FpsApi.UPLOAD_PATH);
    }

    /** {@code url()} + {@code /fps/v1/segments/{name}/download}, the name percent-encoded. */
    public URI downloadUrl(String segmentName) {
        String encoded = URLEncoder.encode(segmentName, StandardCharsets.UTF_8).replace("+", "%20");
        return url().resolve(FpsApi.SEGMENTS_PATH + encoded + FpsApi.DOWNLOAD_SUFFIX);
    }

    /** The accounts' partner names, in the order they were given. */
    public List<String> partnerNames() {
        return List.copyOf(accounts.keySet());
    }

    /** The faults to inject; all off at first. */
    public InsiderFaults faults() {
        return faults;
    }

    /** What happened, oldest first (at most the newest 10,000). */
    public List<InsiderEvent> events() {
        return events.snapshot();
    }

    public void clearEvents() {
        events.clear();
    }

    /** The segment {@code name} of {@code partner} as last stored; empty while its first upload is processed. */
    public Optional<InsiderSegment> segment(String partner, String name) {
        return account(partner).segment(name);
    }

    /** The stored segments of {@code partner}, in the order their names were first taken. */
    public List<InsiderSegment> segments(String partner) {
        return account(partner).segments();
    }

    /** How many of {@code partner}'s requests were admitted and how many refused by the rate limit. */
    public InsiderRequestCounts requestCounts(String partner) {
        return account(partner).rateLimit().counts();
    }

    /**
     * Stores a segment as if an upload had made it — to try an update (download, change, upload with
     * {@code replace}) without a first upload. All values are stored as given; the counts are their number and 0.
     */
    public InsiderSegment seedSegment(String partner, String name, InsiderAttribute attribute, List<String> values) {
        AccountState account = account(partner);
        InsiderSegment segment = new InsiderSegment(partner, name, attribute, List.copyOf(new LinkedHashSet<>(values)),
                values.size(), 0, clock.instant());
        account.seed(segment);
        return segment;
    }

    /** What a person needs to call the API, one fact a line (never a token). */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("Cohort sandbox Insider One FPS API listening on ").append(url()).append('\n');
        text.append("  partner name(s): ").append(String.join(", ", accounts.keySet())).append(" (API tokens not shown)\n");
        text.append("  upload:   POST ").append(uploadUrl()).append('\n');
        text.append("  download: GET  ").append(url()).append(FpsApi.SEGMENTS_PATH).append("{segment_name}").append(FpsApi.DOWNLOAD_SUFFIX).append('\n');
        text.append("  headers: ").append(FpsApi.PARTNER_HEADER).append(", ").append(FpsApi.TOKEN_HEADER).append(", Content-Type: application/json\n");
        text.append("  upload fields: ").append(uploadFields.segmentName()).append(", ").append(uploadFields.attribute()).append(" (email | phone_number | uuid), ")
                .append(uploadFields.csvUrl()).append(", ").append(uploadFields.callbackUrl());
        text.append(segmentReplacement ? ", optional " + uploadFields.mode() + " (create | replace)" : "").append('\n');
        text.append("  callback fields: ").append(String.join(", ", callbackFields.segmentName(), callbackFields.status(),
                callbackFields.validCount(), callbackFields.invalidCount(), callbackFields.reason())).append('\n');
        text.append("  rate limit: ").append(rateLimitPerSecond).append(" requests per second per partner (fixed 1-second window)\n");
        text.append("  callbacks: ").append(callbackDelay.toMillis()).append(" ms after the file is read, ")
                .append(callbackAttempts).append(" attempt(s)\n");
        return text.toString();
    }

    private AccountState account(String partner) {
        AccountState account = accounts.get(partner);
        if (account == null) {
            throw new IllegalArgumentException("no Insider account `" + partner + "` on this server; partner names: " + accounts.keySet());
        }
        return account;
    }

    /**
     * Runs the server in the foreground until the process is stopped. Options: {@code --host ADDRESS},
     * {@code --port N}, {@code --partner NAME}, {@code --rate-limit N}, {@code --callback-delay SECONDS}; the API
     * token is read from {@code $COHORT_SANDBOX_INSIDER_TOKEN}.
     */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        if (List.of(args).contains("--help")) {
            out.print(SandboxInsiderOptions.USAGE);
            return;
        }
        SandboxInsiderServer server;
        SandboxInsiderOptions options;
        try {
            options = SandboxInsiderOptions.parse(List.of(args), System.getenv());
            server = start(options, event -> out.println(event.describe()));
        } catch (SandboxInsiderException e) {
            System.err.println(e.getMessage());
            System.err.println(SandboxInsiderOptions.USAGE);
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sandbox-insider-shutdown"));
        out.print(server.describe());
        out.println("  try: curl -i " + server.downloadUrl("my-segment") + " -H '" + FpsApi.PARTNER_HEADER + ": "
                + options.partner() + "' -H \"" + FpsApi.TOKEN_HEADER + ": $" + SandboxInsiderOptions.TOKEN_VARIABLE + "\"");
        out.println("Press Ctrl-C to stop.");
        Thread.currentThread().join();
    }

    /** Configures a {@link SandboxInsiderServer}; at least one account is required. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port;
        private final List<InsiderAccount> accounts = new ArrayList<>();
        private int rateLimitPerSecond = DEFAULT_RATE_LIMIT_PER_SECOND;
        private Duration callbackDelay = DEFAULT_CALLBACK_DELAY;
        private int callbackAttempts = DEFAULT_CALLBACK_ATTEMPTS;
        private Duration callbackRetryDelay = DEFAULT_CALLBACK_RETRY_DELAY;
        private Duration httpTimeout = DEFAULT_HTTP_TIMEOUT;
        private int maxFileBytes = DEFAULT_MAX_FILE_BYTES;
        private InsiderUploadFields uploadFields = InsiderUploadFields.DEFAULTS;
        private InsiderCallbackFields callbackFields = InsiderCallbackFields.DEFAULTS;
        private boolean segmentReplacement = true;
        private InstantSource clock = InstantSource.system();
        private Consumer<InsiderEvent> eventListener = event -> { };

        private Builder() {
        }

        /** The address to listen on; {@value SandboxInsiderServer#DEFAULT_HOST} unless set. */
        public Builder host(String newHost) {
            this.host = Objects.requireNonNull(newHost, "host");
            return this;
        }

        /** The port to listen on; 0 (the default) for any free port, see {@link SandboxInsiderServer#port()}. */
        public Builder port(int newPort) {
            if (newPort < 0 || newPort > 65_535) {
                throw SandboxInsiderException.invalid("The Insider sandbox port " + newPort + " is out of range: use 1 to 65535, or 0 for any free port.");
            }
            this.port = newPort;
            return this;
        }

        /** An account: its lower-case partner name and its API token. */
        public Builder account(String partnerName, String apiToken) {
            return account(new InsiderAccount(partnerName, apiToken));
        }

        public Builder account(InsiderAccount account) {
            Objects.requireNonNull(account, "account");
            if (accounts.stream().anyMatch(known -> known.partnerName().equals(account.partnerName()))) {
                throw SandboxInsiderException.invalid("The Insider partner `" + account.partnerName()
                        + "` is declared twice: give each account once.");
            }
            accounts.add(account);
            return this;
        }

        /** Requests each account may make per clock second; {@value SandboxInsiderServer#DEFAULT_RATE_LIMIT_PER_SECOND} unless set. */
        public Builder rateLimitPerSecond(int requests) {
            if (requests < 1) {
                throw SandboxInsiderException.invalid("The Insider sandbox rate limit must be at least 1 request per second, not " + requests + ".");
            }
            this.rateLimitPerSecond = requests;
            return this;
        }

        /** How long after reading an upload's file its result is posted (2 s unless set; Insider takes up to an hour). */
        public Builder callbackDelay(Duration delay) {
            this.callbackDelay = delay("callback delay", delay);
            return this;
        }

        /** How many times a result is posted before giving up (3 unless set; 1 = no retry). */
        public Builder callbackAttempts(int attempts) {
            if (attempts < 1 || attempts > 20) {
                throw SandboxInsiderException.invalid("The Insider sandbox callback attempts must be 1 to 20, not " + attempts + ".");
            }
            this.callbackAttempts = attempts;
            return this;
        }

        /** The wait before the second attempt to post a result; each later wait doubles (1 s unless set). */
        public Builder callbackRetryDelay(Duration delay) {
            this.callbackRetryDelay = delay("callback retry delay", delay);
            return this;
        }

        /** How long a file download or a callback may take, connecting included (30 s unless set). */
        public Builder httpTimeout(Duration timeout) {
            this.httpTimeout = delay("HTTP timeout", timeout);
            if (timeout.isZero()) {
                throw SandboxInsiderException.invalid("The Insider sandbox HTTP timeout must be positive.");
            }
            return this;
        }

        /** The largest file an upload may point to (100 MiB unless set); a larger one fails the upload. */
        public Builder maxFileBytes(int bytes) {
            if (bytes < 1 || bytes > Integer.MAX_VALUE - 16) {
                throw SandboxInsiderException.invalid("The Insider sandbox file limit must be 1 to " + (Integer.MAX_VALUE - 16) + " bytes, not " + bytes + ".");
            }
            this.maxFileBytes = bytes;
            return this;
        }

        /** The upload body's field names; {@link InsiderUploadFields#DEFAULTS} unless set. */
        public Builder uploadFields(InsiderUploadFields names) {
            this.uploadFields = Objects.requireNonNull(names, "names");
            return this;
        }

        /** The callback body's field names; {@link InsiderCallbackFields#DEFAULTS} unless set. */
        public Builder callbackFields(InsiderCallbackFields names) {
            this.callbackFields = Objects.requireNonNull(names, "names");
            return this;
        }

        /**
         * Whether uploads may say {@code "mode":"replace"} (true unless set). False: the mode field is unknown
         * (405), and every upload of an existing name answers 400 Segment Name Exists.
         */
        public Builder segmentReplacement(boolean allowed) {
            this.segmentReplacement = allowed;
            return this;
        }

        /** The clock of the rate limit's windows and of event times; the system clock unless set. */
        public Builder clock(InstantSource newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        /** Called, on a server thread, for each {@link InsiderEvent}; it must be quick and must not throw. */
        public Builder eventListener(Consumer<InsiderEvent> listener) {
            this.eventListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public SandboxInsiderServer build() {
            if (accounts.isEmpty()) {
                throw SandboxInsiderException.invalid("The sandbox Insider One server needs at least one account (partner name and API token).");
            }
            return new SandboxInsiderServer(this);
        }

        public SandboxInsiderServer start() {
            return build().start();
        }

        private static Duration delay(String what, Duration value) {
            Objects.requireNonNull(value, what);
            if (value.isNegative() || value.compareTo(MAX_DELAY) > 0) {
                throw SandboxInsiderException.invalid("The Insider sandbox " + what + " must be between 0 and 2 hours, not " + value + ".");
            }
            return value;
        }
    }
}
