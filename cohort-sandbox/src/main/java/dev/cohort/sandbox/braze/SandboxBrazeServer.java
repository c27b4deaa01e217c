package dev.cohort.sandbox.braze;

import dev.cohort.sandbox.http.SandboxHttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Cohort's stand-in for Braze's {@code POST /users/track}, on the JDK's HTTP server: REST API keys sent as
 * {@code Authorization: Bearer <key>} ({@code 401 {"message":"Invalid API key"}} otherwise), Braze's limits on a
 * request (at most 75 attributes, 75 events and 75 purchases, or a combined limit such as 50), its rules for events,
 * properties and purchases — a wrong object is skipped with a non-fatal error in {@code errors[]}, the others are
 * taken ({@code 201}) — a rate limit per key with {@code X-RateLimit-Limit/-Remaining/-Reset} on every answer and
 * {@code 429} above it. It keeps what it received per user, to look at from code ({@link #user}) or over HTTP
 * ({@code GET /sandbox/users/{external_id}}). {@link #faults()} injects 5xx answers, 429s, slow answers and revoked
 * keys. See {@code docs/connectors/braze-sandbox.md}.
 *
 * <pre>{@code
 * try (SandboxBrazeServer braze = SandboxBrazeServer.builder().apiKey(key).start()) {
 *     post(braze.trackUrl(), body);
 *     braze.user("C0000001").orElseThrow().events("Points Awarded");
 * }
 * }</pre>
 *
 * <p>Thread-safe. Start once, close once; a closed server cannot be started again; what it received stays readable.
 */
public final class SandboxBrazeServer extends SandboxHttpServer {
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Braze's documented limit per array of one request. */
    public static final int DEFAULT_MAX_PER_ARRAY = 75;
    /** Braze's documented rate limit of {@code /users/track} for newer workspaces: 3,000 requests per 3 seconds. */
    public static final int DEFAULT_RATE_LIMIT_REQUESTS = 3_000;
    public static final Duration DEFAULT_RATE_LIMIT_WINDOW = Duration.ofSeconds(3);
    private static final Duration MAX_WINDOW = Duration.ofHours(1);

    private final Set<String> apiKeys;
    private final int rateLimitRequests;
    private final Duration rateLimitWindow;
    private final UsersTrack.Limits limits;
    private final InstantSource clock;
    private final BrazeFaults faults = new BrazeFaults();
    private final BrazeEventLog events;
    private final UserStore users = new UserStore();
    private final BrazeApi.Counts counts = new BrazeApi.Counts();

    private SandboxBrazeServer(Builder builder) {
        super("sandbox Braze server", builder.host, builder.port);
        this.apiKeys = Collections.unmodifiableSet(new LinkedHashSet<>(builder.apiKeys));
        this.rateLimitRequests = builder.rateLimitRequests;
        this.rateLimitWindow = builder.rateLimitWindow;
        this.limits = new UsersTrack.Limits(builder.maxPerArray, builder.maxPerRequest);
        this.clock = builder.clock;
        this.events = new BrazeEventLog(builder.eventListener, clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds and starts a server for one key from command-line style options. */
    public static SandboxBrazeServer start(SandboxBrazeOptions options) {
        return start(options, event -> { });
    }

    /** Builds and starts a server for one key from command-line style options, reporting each event. */
    public static SandboxBrazeServer start(SandboxBrazeOptions options, Consumer<BrazeSandboxEvent> eventListener) {
        return builder().host(options.host()).port(options.port()).apiKey(options.apiKey())
                .rateLimit(options.rateLimitRequests(), options.rateLimitWindow())
                .maxObjectsPerArray(options.maxObjectsPerArray()).maxObjectsPerRequest(options.maxObjectsPerRequest())
                .eventListener(eventListener).start();
    }

    /**
     * Listens for requests.
     *
     * @throws SandboxBrazeException {@code SANDBOX_BRAZE_START_FAILED} when the address cannot be bound
     * @throws IllegalStateException when already started or closed
     */
    public synchronized SandboxBrazeServer start() {
        requireStartable();
        Map<String, BrazeRateLimit> rateLimits = new LinkedHashMap<>();
        apiKeys.forEach(key -> rateLimits.put(key, new BrazeRateLimit(rateLimitRequests, rateLimitWindow)));
        try {
            listen("sandbox-braze-request-", new BrazeApi(Collections.unmodifiableMap(rateLimits), users, faults, events, clock,
                    limits, counts));
        } catch (IOException e) {
            throw new SandboxBrazeException(SandboxBrazeException.START_FAILED, startFailure(e), e);
        }
        return this;
    }

    /** {@code url()} + {@code /users/track}. */
    public URI trackUrl() {
        return url().resolve(BrazeApi.TRACK_PATH);
    }

    /** {@code url()} + {@code /sandbox/users/{external_id}}, the id percent-encoded. */
    public URI userUrl(String externalId) {
        return url().resolve(BrazeApi.SANDBOX_USERS_PATH + "/" + URLEncoder.encode(externalId, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** What was received for the user with this {@code external_id}. */
    public Optional<BrazeUser> user(String externalId) {
        return users.user(BrazeUserKey.externalId(externalId));
    }

    /** What was received for the user named by {@code key} (an alias, a {@code braze_id}, an e-mail, a phone). */
    public Optional<BrazeUser> user(BrazeUserKey key) {
        return users.user(key);
    }

    /** Every user something was received for, in the order first seen. */
    public List<BrazeUser> users() {
        return users.users();
    }

    /** Forgets every user (the counts stay). */
    public void clearUsers() {
        users.clear();
    }

    /** The counts of {@code /users/track} requests and objects since the start. */
    public BrazeRequestCounts requestCounts() {
        return counts.snapshot();
    }

    /** The faults to inject; all off at first. */
    public BrazeFaults faults() {
        return faults;
    }

    /** What happened, oldest first (at most the newest 10,000). */
    public List<BrazeSandboxEvent> events() {
        return events.snapshot();
    }

    public void clearEvents() {
        events.clear();
    }

    /** What a person needs to call the API, one fact a line (never a key). */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("Cohort sandbox Braze /users/track listening on ").append(url()).append('\n');
        text.append("  track: POST ").append(trackUrl()).append(" with Authorization: Bearer <REST API key> (").append(apiKeys.size())
                .append(" key(s), not shown)\n");
        text.append("  look:  GET  ").append(url()).append(BrazeApi.SANDBOX_USERS_PATH).append("[/{external_id}] (same header)\n");
        text.append("  limits: at most ").append(limits.perArray()).append(" attributes, events and purchases each per request");
        if (limits.perRequest() > 0) {
            text.append(", ").append(limits.perRequest()).append(" in all");
        }
        text.append('\n');
        text.append("  rate limit: ").append(rateLimitRequests).append(" requests per ").append(rateLimitWindow.toMillis() / 1000.0)
                .append(" s per key (fixed windows), X-RateLimit-* headers on every answer, 429 above\n");
        return text.toString();
    }

    /**
     * Runs the server in the foreground until the process is stopped; see {@link SandboxBrazeOptions#USAGE}.
     */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        if (List.of(args).contains("--help")) {
            out.print(SandboxBrazeOptions.USAGE);
            return;
        }
        SandboxBrazeServer server;
        try {
            server = start(SandboxBrazeOptions.parse(List.of(args), System.getenv()), event -> out.println(event.describe()));
        } catch (SandboxBrazeException e) {
            System.err.println(e.getMessage());
            System.err.println(SandboxBrazeOptions.USAGE);
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sandbox-braze-shutdown"));
        out.print(server.describe());
        out.println("Press Ctrl-C to stop.");
        Thread.currentThread().join();
    }

    /** Configures a {@link SandboxBrazeServer}; at least one API key is required. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port;
        private final Set<String> apiKeys = new LinkedHashSet<>();
        private int rateLimitRequests = DEFAULT_RATE_LIMIT_REQUESTS;
        private Duration rateLimitWindow = DEFAULT_RATE_LIMIT_WINDOW;
        private int maxPerArray = DEFAULT_MAX_PER_ARRAY;
        private int maxPerRequest;
        private InstantSource clock = InstantSource.system();
        private Consumer<BrazeSandboxEvent> eventListener = event -> { };

        private Builder() {
        }

        /** The address to listen on; {@value SandboxBrazeServer#DEFAULT_HOST} unless set. */
        public Builder host(String newHost) {
            this.host = Objects.requireNonNull(newHost, "host");
            return this;
        }

        /** The port to listen on; 0 (the default) for any free port, see {@link SandboxBrazeServer#port()}. */
        public Builder port(int newPort) {
            if (newPort < 0 || newPort > 65_535) {
                throw SandboxBrazeException.invalid("The Braze sandbox port " + newPort + " is out of range: use 1 to 65535, or 0 for any free port.");
            }
            this.port = newPort;
            return this;
        }

        /** A REST API key the server accepts; each has its own rate limit. */
        public Builder apiKey(String key) {
            if (key == null || key.isBlank() || key.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw SandboxBrazeException.invalid("A Braze REST API key must be non-blank, without spaces or control characters.");
            }
            if (!apiKeys.add(key)) {
                throw SandboxBrazeException.invalid("The same Braze REST API key is given twice: give each key once.");
            }
            return this;
        }

        /** At most {@code requests} {@code /users/track} requests per key in each {@code window}; 3,000 per 3 s unless set. */
        public Builder rateLimit(int requests, Duration window) {
            Objects.requireNonNull(window, "window");
            if (requests < 1) {
                throw SandboxBrazeException.invalid("The Braze sandbox rate limit must allow at least 1 request per window, not " + requests + ".");
            }
            if (window.toMillis() < 1 || window.compareTo(MAX_WINDOW) > 0) {
                throw SandboxBrazeException.invalid("The Braze sandbox rate-limit window must be from 1 ms to 1 hour, not " + window + ".");
            }
            this.rateLimitRequests = requests;
            this.rateLimitWindow = window;
            return this;
        }

        /** The most attributes, events or purchases one request may carry in each array; {@value SandboxBrazeServer#DEFAULT_MAX_PER_ARRAY} unless set. */
        public Builder maxObjectsPerArray(int objects) {
            if (objects < 1 || objects > 10_000) {
                throw SandboxBrazeException.invalid("The Braze sandbox limit per array must be 1 to 10000, not " + objects + ".");
            }
            this.maxPerArray = objects;
            return this;
        }

        /** The most objects one request may carry in all three arrays together (e.g. 50); 0, the default, for no such limit. */
        public Builder maxObjectsPerRequest(int objects) {
            if (objects < 0 || objects > 30_000) {
                throw SandboxBrazeException.invalid("The Braze sandbox limit per request must be 0 (none) to 30000, not " + objects + ".");
            }
            this.maxPerRequest = objects;
            return this;
        }

        /** The clock of rate-limit windows and receipt times; the system clock unless set. */
        public Builder clock(InstantSource newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        /** Called, on a request thread, for each {@link BrazeSandboxEvent}; it must be quick and must not throw. */
        public Builder eventListener(Consumer<BrazeSandboxEvent> listener) {
            this.eventListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public SandboxBrazeServer build() {
            if (apiKeys.isEmpty()) {
                throw SandboxBrazeException.invalid("The sandbox Braze server needs at least one REST API key: call apiKey(key).");
            }
            return new SandboxBrazeServer(this);
        }

        public SandboxBrazeServer start() {
            return build().start();
        }
    }
}
