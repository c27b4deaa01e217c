package dev.cohort.sandbox.air;

import dev.cohort.sandbox.http.SandboxHttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Cohort's stand-in for Eagle Eye AIR, the loyalty platform, on the JDK's HTTP server: one API client (id and
 * secret, every request signed with {@code X-EES-AUTH-CLIENT-ID} and {@code X-EES-AUTH-HASH}), a loyalty program
 * with one points scheme, behavioural actions by reference that issue points, tiers by lifetime points, and
 * wallets with identities. {@code POST /2.0/services/trigger} issues the actions' points to the wallet found by an
 * identity value, once per wallet transaction reference; {@code POST /2.0/services/wallet} creates a wallet.
 *
 * <p>Every change — a trigger settled, a wallet created, a tier moved, and the simulated POS events
 * {@link #settlePurchase} and {@link #redeemCoupon} — makes an event notification as AIR's outbound connector
 * sends it ({@code headers}, {@code request}, {@code response}, {@code atomicOperations}, {@code enrichmentData}),
 * posted to the connector URL with {@code X-Auth-Token}: asynchronously, one wallet's notifications in order,
 * failed posts tried again with back-off. {@link #faults()} injects duplicate deliveries, withheld notifications,
 * missing enrichment, failed requests and revoked credentials; {@link #events()} shows what happened;
 * {@link #notifications()} what was sent. See {@code docs/connectors/eagle-eye-air-sandbox.md}.
 *
 * <pre>{@code
 * try (SandboxAirServer air = SandboxAirServer.builder()
 *         .client("cohort", secret)
 *         .action("APP_DOWNLOAD", 10_000)
 *         .tier("Bronze", 0).tier("Silver", 5_000)
 *         .wallet(AirIdentity.customerId("C0000001"), AirIdentity.email("ada@example.com"))
 *         .connector(URI.create("http://127.0.0.1:8080/out/eagle-eye-air/loyalty"), externalKey)
 *         .start()) {
 *     post(air.triggerUrl(), body);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Start once, close once; a closed server cannot be started again. Closing drops notifications not
 * yet delivered; the wallets stay readable.
 */
public final class SandboxAirServer extends SandboxHttpServer {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_NOTIFICATION_SENDERS = 4;
    public static final int DEFAULT_NOTIFICATION_ATTEMPTS = 4;
    public static final Duration DEFAULT_NOTIFICATION_RETRY_DELAY = Duration.ofMillis(500);
    public static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(10);
    public static final String DEFAULT_SCHEME_ID = "1001";
    public static final String DEFAULT_SCHEME_NAME = "Sandbox Points";
    /** The currency of {@link #emitSettlements} baskets. */
    public static final String SYNTHETIC_CURRENCY = "GBP";
    private static final Duration MAX_DELAY = Duration.ofHours(1);
    private static final int NOTIFICATION_LIST_CAPACITY = 10_000;

    private final AirClient client;
    private final String unitId;
    private final String schemeId;
    private final String schemeName;
    private final AirFaults faults = new AirFaults();
    private final AirEventLog events;
    private final LoyaltyProgram program;
    private final Deque<AirNotification> notifications = new ArrayDeque<>();
    private final int senders;
    private final int attempts;
    private final Duration retryDelay;
    private final Duration httpTimeout;
    private final Set<String> enrichmentTypes;
    private NotificationDelivery.Target initialTarget;
    private HttpClient http;
    private volatile NotificationDelivery delivery;

    private SandboxAirServer(Builder builder) {
        super("sandbox AIR server", builder.host, builder.port);
        this.client = builder.client;
        this.unitId = builder.unitId;
        this.schemeId = builder.schemeId;
        this.schemeName = builder.schemeName;
        this.senders = builder.senders;
        this.attempts = builder.attempts;
        this.retryDelay = builder.retryDelay;
        this.httpTimeout = builder.httpTimeout;
        this.enrichmentTypes = Set.copyOf(builder.enrichmentTypes);
        this.initialTarget = builder.target;
        this.events = new AirEventLog(builder.eventListener, builder.clock);
        Envelopes envelopes = new Envelopes(client.clientId(), unitId, schemeId, enrichmentTypes, builder.bodiesAsStrings, faults);
        this.program = new LoyaltyProgram(builder.actions, builder.tiers, envelopes, events, builder.clock, this::dispatch,
                builder.duplicateAnswer);
        builder.wallets.forEach(wallet -> program.seed(wallet.walletId(), wallet.identities()));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds and starts a server from command-line style options: the demo program, the options' client and connector. */
    public static SandboxAirServer start(SandboxAirOptions options) {
        return start(options, event -> { });
    }

    /** Builds and starts a server from command-line style options, reporting each event. */
    public static SandboxAirServer start(SandboxAirOptions options, Consumer<AirSandboxEvent> eventListener) {
        Builder builder = builder().host(options.host()).port(options.port()).client(options.clientId(), options.clientSecret())
                .unitId(options.unitId()).demoProgram().notificationSenders(options.notificationSenders()).eventListener(eventListener);
        if (options.connectorUrl() != null) {
            builder.connector(options.connectorUrl(), options.externalKey());
        }
        return builder.start();
    }

    /**
     * Listens for requests and starts the notification senders.
     *
     * @throws SandboxAirException {@code SANDBOX_AIR_START_FAILED} when the address cannot be bound
     * @throws IllegalStateException when already started or closed
     */
    public synchronized SandboxAirServer start() {
        requireStartable();
        http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(httpTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        delivery = new NotificationDelivery(http, events, faults, initialTarget, senders, attempts, retryDelay, httpTimeout);
        try {
            listen("sandbox-air-request-", new AirApi(client, program, faults, events));
        } catch (IOException e) {
            delivery.close();
            http.shutdownNow();
            throw new SandboxAirException(SandboxAirException.START_FAILED, startFailure(e), e);
        }
        return this;
    }

    /** Stops sending once it stopped listening ({@link #close()}); notifications not yet delivered are dropped. */
    @Override
    protected void stopped() {
        delivery.close();
        http.shutdownNow();
    }

    /** {@code url()} + {@code /2.0}, where AIR's API paths start. */
    public URI apiUrl() {
        return url().resolve("/2.0");
    }

    /** {@code url()} + {@code /2.0/services/trigger}. */
    public URI triggerUrl() {
        return url().resolve(AirApi.TRIGGER_PATH);
    }

    /** {@code url()} + {@code /2.0/services/wallet}. */
    public URI walletServiceUrl() {
        return url().resolve(AirApi.WALLET_PATH);
    }

    public String clientId() {
        return client.clientId();
    }

    public String unitId() {
        return unitId;
    }

    /** Sends notifications from now on to {@code url} with {@code X-Auth-Token: externalKey} (also those already queued). */
    public void connector(URI url, String externalKey) {
        NotificationDelivery.Target target = target(url, externalKey);
        synchronized (this) {
            initialTarget = target;
            if (delivery != null) {
                delivery.target(target);
            }
        }
    }

    /** The connector URL notifications go to, if one is set. */
    public synchronized Optional<URI> connectorUrl() {
        NotificationDelivery.Target target = delivery != null ? delivery.target() : initialTarget;
        return Optional.ofNullable(target).map(NotificationDelivery.Target::url);
    }

    /**
     * Creates a wallet with these identities, its points account (balance 0) and, when a tier starts at 0 points,
     * its tier membership, as {@code POST /2.0/services/wallet} does: notifications {@code SERVICE.WALLET.CREATE}
     * and {@code TIER.MEMBERSHIP.CREATE}.
     *
     * @return the new wallet's id
     * @throws SandboxAirException {@code SANDBOX_AIR_IDENTITY_IN_USE} when another wallet has one of the values
     */
    public String createWallet(AirIdentity... identities) {
        return createWallet(List.of(identities));
    }

    public String createWallet(List<AirIdentity> identities) {
        requireRunning();
        List<AirIdentity> given = List.copyOf(identities);
        LoyaltyProgram.Answer answer = program.createWallet(given, Json.object("identities", given.stream()
                .map(identity -> Json.object("type", identity.type(), "value", identity.value())).toList()));
        if (answer.status() != 201) {
            throw new SandboxAirException(SandboxAirException.IDENTITY_IN_USE, answer.errorMessage());
        }
        return answer.walletId();
    }

    /**
     * Simulates a purchase settled at a till (AIR's POS Connect): a {@code POSCONNECT.WALLET.SETTLE} notification
     * with the basket total, the points earned credited to the wallet, and a {@code TIER.MEMBERSHIP.MOVE} when a
     * threshold is crossed.
     *
     * @param basketValue the basket total in the currency's units (e.g. 45.99); sent in minor units (4599)
     * @param currency an ISO 4217 code
     * @param pointsEarned 0 or more
     * @return the wallet transaction's id
     */
    public String settlePurchase(String walletId, BigDecimal basketValue, String currency, long pointsEarned) {
        requireRunning();
        return program.settlePurchase(walletId, basketValue, currency, pointsEarned, false);
    }

    /**
     * Simulates a coupon redeemed: a coupon account of the campaign {@code couponName} issued to the wallet and
     * redeemed — a {@code WALLET.ACCOUNT.UPDATE} notification whose {@code walletAccountTransactionEntity} operation has
     * {@code event} {@code REDEEM}.
     *
     * @return the coupon account's id
     */
    public String redeemCoupon(String walletId, String couponName) {
        requireRunning();
        return program.redeemCoupon(walletId, couponName);
    }

    /**
     * Queues {@code count} synthetic {@code POSCONNECT.WALLET.SETTLE} notifications as fast as they can be made, round
     * robin over {@code walletIds}, for a benchmark: baskets of 10.00 to 99.99 GBP earning their whole value in
     * points (credited, but tiers never move, so exactly {@code count} notifications are made). Returns once all are
     * queued; it waits when {@value NotificationDelivery#SYNTHETIC_BACKLOG} are queued already. They are delivered by
     * the {@link Builder#notificationSenders} senders, one wallet's in order: spread them over at least as many wallets
     * as senders. Their deliveries are not listed in {@link #events()} (failures are); watch
     * {@link #notificationCounts()}.
     *
     * @throws InterruptedException when interrupted while waiting for room in the queue
     */
    public void emitSettlements(int count, List<String> walletIds) throws InterruptedException {
        requireRunning();
        if (count < 0) {
            throw new IllegalArgumentException("the number of settlements cannot be negative: " + count);
        }
        List<String> wallets = List.copyOf(walletIds);
        if (wallets.isEmpty()) {
            throw SandboxAirException.invalid("Synthetic settlements need at least one wallet id: give e.g. wallets().stream().map(AirWallet::walletId).");
        }
        for (String walletId : wallets) {
            if (program.snapshot(walletId).isEmpty()) {
                throw new SandboxAirException(SandboxAirException.WALLET_NOT_FOUND, "No wallet " + walletId + " on this sandbox AIR server.");
            }
        }
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            BigDecimal basket = BigDecimal.valueOf(1_000 + i % 9_000, 2);
            delivery.reserveSynthetic();
            program.settlePurchase(wallets.get(i % wallets.size()), basket, SYNTHETIC_CURRENCY, basket.longValue(), true);
        }
        events.record(AirSandboxEvent.Kind.SETTLEMENTS_EMITTED, null, 0, count + " synthetic POSCONNECT.WALLET.SETTLE notification(s) over "
                + wallets.size() + " wallet(s) in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
    }

    /** The wallet {@code walletId} as it is now. */
    public Optional<AirWallet> wallet(String walletId) {
        return program.snapshot(walletId);
    }

    /** Every wallet, in the order they were made. */
    public List<AirWallet> wallets() {
        return program.snapshots();
    }

    /** The id of the wallet with an identity of value {@code identityValue}. */
    public Optional<String> walletIdOf(String identityValue) {
        return program.walletIdOf(identityValue);
    }

    /** The program's action references, in the order they were given. */
    public Set<String> actionReferences() {
        return program.actionReferences();
    }

    /** The notifications made, oldest first (at most the newest 10,000), whether sent, withheld or not sendable. */
    public List<AirNotification> notifications() {
        synchronized (notifications) {
            return List.copyOf(notifications);
        }
    }

    public void clearNotifications() {
        synchronized (notifications) {
            notifications.clear();
        }
    }

    /** How the notifications fared so far. */
    public AirNotificationCounts notificationCounts() {
        NotificationDelivery current = delivery;
        return current == null ? new AirNotificationCounts(0, 0, 0, 0, 0, 0, 0, 0) : current.counts();
    }

    /** The faults to inject; all off at first. */
    public AirFaults faults() {
        return faults;
    }

    /** What happened, oldest first (at most the newest 10,000). */
    public List<AirSandboxEvent> events() {
        return events.snapshot();
    }

    public void clearEvents() {
        events.clear();
    }

    /** What a person needs to call the API and receive its events, one fact a line (never a secret or an identity value). */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("Cohort sandbox Eagle Eye AIR listening on ").append(url()).append('\n');
        text.append("  client id: ").append(client.clientId()).append(" (client secret not shown); unit id: ").append(unitId).append('\n');
        text.append("  every request: ").append(AirApi.CLIENT_HEADER).append(": <client id>, ").append(AirApi.HASH_HEADER)
                .append(": sha256_hex(path + ?query + body + client secret)\n");
        text.append("  trigger:  POST ").append(triggerUrl()).append('\n');
        text.append("  wallets:  POST ").append(walletServiceUrl()).append("; look: GET ").append(url()).append(AirApi.SANDBOX_WALLETS_PATH)
                .append("[/{walletId}]\n");
        text.append("  points scheme ").append(schemeId).append(" (").append(schemeName).append("); actions: ")
                .append(program.actions().isEmpty() ? "none" : program.actions().stream()
                        .map(action -> action.reference() + " (" + action.points() + " points)").collect(Collectors.joining(", "))).append('\n');
        text.append("  tiers: ").append(program.tiers().isEmpty() ? "none" : program.tiers().stream()
                .map(tier -> tier.name() + " " + tier.threshold()).collect(Collectors.joining(", "))).append(" (lifetime points)\n");
        List<AirWallet> wallets = program.snapshots();
        text.append("  wallets: ").append(wallets.size());
        if (!wallets.isEmpty()) {
            text.append(" (").append(wallets.getFirst().walletId()).append(wallets.size() > 1 ? " … " + wallets.getLast().walletId() : "").append(")");
        }
        text.append('\n');
        Optional<URI> connector = connectorUrl();
        if (connector.isPresent()) {
            text.append("  notifications: POST ").append(NotificationDelivery.shown(connector.get())).append(" with ")
                    .append(NotificationDelivery.AUTH_HEADER).append(" (external key not shown); ").append(senders).append(" sender(s), ")
                    .append(attempts).append(" attempt(s), first retry after ").append(retryDelay.toMillis()).append(" ms\n");
        } else {
            text.append("  notifications: no connector URL set: made and listed, not sent\n");
        }
        text.append("  enrichment identity types: ").append(enrichmentTypes.isEmpty() ? "all" : String.join(", ", enrichmentTypes)).append('\n');
        return text.toString();
    }

    /** Keeps and queues one notification; called by the program with its lock held. */
    private void dispatch(AirNotification notification, boolean synthetic) {
        synchronized (notifications) {
            if (notifications.size() == NOTIFICATION_LIST_CAPACITY) {
                notifications.removeFirst();
            }
            notifications.addLast(notification);
        }
        delivery.submit(notification, synthetic);
    }

    private void requireRunning() {
        if (delivery == null || isClosed()) {
            throw new IllegalStateException("the sandbox AIR server is " + (isClosed() ? "closed" : "not started: start() it first"));
        }
    }

    private static NotificationDelivery.Target target(URI url, String externalKey) {
        Objects.requireNonNull(url, "url");
        if (!url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw SandboxAirException.invalid("The connector URL `" + url + "` is not an absolute http(s) URL: give e.g."
                    + " http://127.0.0.1:8080/out/eagle-eye-air/loyalty.");
        }
        if (externalKey == null || externalKey.isBlank()) {
            throw SandboxAirException.invalid("Notifications to " + NotificationDelivery.shown(url) + " need the connector's external key"
                    + " (sent as X-Auth-Token): give a non-blank one.");
        }
        return new NotificationDelivery.Target(url, externalKey);
    }

    /**
     * Runs the server in the foreground until the process is stopped; see {@link SandboxAirOptions#USAGE}.
     */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        if (List.of(args).contains("--help")) {
            out.print(SandboxAirOptions.USAGE);
            return;
        }
        SandboxAirServer server;
        try {
            server = start(SandboxAirOptions.parse(List.of(args), System.getenv()), event -> out.println(event.describe()));
        } catch (SandboxAirException e) {
            System.err.println(e.getMessage());
            System.err.println(SandboxAirOptions.USAGE);
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sandbox-air-shutdown"));
        out.print(server.describe());
        out.println("Press Ctrl-C to stop.");
        Thread.currentThread().join();
    }

    /** A wallet given to the builder. */
    private record SeedWallet(String walletId, List<AirIdentity> identities) {
    }

    /** Configures a {@link SandboxAirServer}; the client is required, everything else has a default or may be empty. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port;
        private AirClient client;
        private String unitId = AirDemoProgram.UNIT_ID;
        private String schemeId = DEFAULT_SCHEME_ID;
        private String schemeName = DEFAULT_SCHEME_NAME;
        private final List<AirAction> actions = new ArrayList<>();
        private final List<AirTier> tiers = new ArrayList<>();
        private final List<SeedWallet> wallets = new ArrayList<>();
        private final Set<String> enrichmentTypes = new LinkedHashSet<>();
        private NotificationDelivery.Target target;
        private AirDuplicateAnswer duplicateAnswer = AirDuplicateAnswer.REPLAY;
        private boolean bodiesAsStrings = true;
        private int senders = DEFAULT_NOTIFICATION_SENDERS;
        private int attempts = DEFAULT_NOTIFICATION_ATTEMPTS;
        private Duration retryDelay = DEFAULT_NOTIFICATION_RETRY_DELAY;
        private Duration httpTimeout = DEFAULT_HTTP_TIMEOUT;
        private InstantSource clock = InstantSource.system();
        private Consumer<AirSandboxEvent> eventListener = event -> { };

        private Builder() {
        }

        /** The address to listen on; {@value SandboxAirServer#DEFAULT_HOST} unless set. */
        public Builder host(String newHost) {
            this.host = Objects.requireNonNull(newHost, "host");
            return this;
        }

        /** The port to listen on; 0 (the default) for any free port, see {@link SandboxAirServer#port()}. */
        public Builder port(int newPort) {
            if (newPort < 0 || newPort > 65_535) {
                throw SandboxAirException.invalid("The AIR sandbox port " + newPort + " is out of range: use 1 to 65535, or 0 for any free port.");
            }
            this.port = newPort;
            return this;
        }

        /** The one API client: its id ({@code X-EES-AUTH-CLIENT-ID}) and the secret its requests are signed with. */
        public Builder client(String clientId, String clientSecret) {
            this.client = new AirClient(clientId, clientSecret);
            return this;
        }

        /** The unit id sent in every notification's {@code headers.unitId}; {@value AirDemoProgram#UNIT_ID} unless set. */
        public Builder unitId(String newUnitId) {
            if (newUnitId == null || !newUnitId.matches("[A-Za-z0-9_-]{1,50}")) {
                throw SandboxAirException.invalid("The unit id `" + newUnitId + "` is not valid: give 1 to 50 letters, digits, `_` or `-`.");
            }
            this.unitId = newUnitId;
            return this;
        }

        /** The one points scheme: its campaign id (each wallet's points account belongs to it) and its name. */
        public Builder pointsScheme(String campaignId, String name) {
            if (campaignId == null || !campaignId.matches("[0-9]{1,18}")) {
                throw SandboxAirException.invalid("The points scheme id `" + campaignId + "` is not valid: AIR campaign ids are digits, e.g. 1001.");
            }
            if (name == null || name.isBlank()) {
                throw SandboxAirException.invalid("The points scheme " + campaignId + " needs a name, e.g. Sandbox Points.");
            }
            this.schemeId = campaignId;
            this.schemeName = name;
            return this;
        }

        /** A behavioural action: its reference and the points each trigger of it issues. */
        public Builder action(String reference, long points) {
            return action(new AirAction(reference, points));
        }

        public Builder action(AirAction action) {
            Objects.requireNonNull(action, "action");
            if (actions.stream().anyMatch(known -> known.reference().equals(action.reference()))) {
                throw SandboxAirException.invalid("The action " + action.reference() + " is declared twice: give each action reference once.");
            }
            actions.add(action);
            return this;
        }

        /** A tier from {@code threshold} lifetime points; names and thresholds are unique. */
        public Builder tier(String name, long threshold) {
            return tier(new AirTier(name, threshold));
        }

        public Builder tier(AirTier tier) {
            Objects.requireNonNull(tier, "tier");
            for (AirTier known : tiers) {
                if (known.name().equals(tier.name()) || known.threshold() == tier.threshold()) {
                    throw SandboxAirException.invalid("The tier " + tier.name() + " (" + tier.threshold() + ") clashes with the tier "
                            + known.name() + " (" + known.threshold() + "): give each tier its own name and threshold.");
                }
            }
            tiers.add(tier);
            return this;
        }

        /** A wallet that exists from the start (no notification), with the next free id from 500001. */
        public Builder wallet(AirIdentity... identities) {
            return wallet(null, List.of(identities));
        }

        /** A wallet with a chosen id (digits) that exists from the start (no notification). */
        public Builder wallet(String walletId, List<AirIdentity> identities) {
            wallets.add(new SeedWallet(walletId, List.copyOf(identities)));
            return this;
        }

        /** {@link AirDemoProgram}'s actions, tiers and wallets, added to any given already. */
        public Builder demoProgram() {
            AirDemoProgram.ACTIONS.forEach(this::action);
            AirDemoProgram.TIERS.forEach(this::tier);
            AirDemoProgram.WALLETS.forEach(identities -> wallet(null, identities));
            return this;
        }

        /** Where notifications are posted, with {@code X-Auth-Token: externalKey}; none unless set (notifications are then only listed). */
        public Builder connector(URI url, String externalKey) {
            this.target = SandboxAirServer.target(url, externalKey);
            return this;
        }

        /** How a wallet transaction reference settled before is answered; {@link AirDuplicateAnswer#REPLAY} unless set. */
        public Builder duplicateAnswer(AirDuplicateAnswer answer) {
            this.duplicateAnswer = Objects.requireNonNull(answer, "answer");
            return this;
        }

        /**
         * Whether a notification's {@code request.body} and {@code response.body} are JSON written into a string, as AIR
         * writes them (true unless set), or JSON objects, easier to read.
         */
        public Builder notificationBodiesAsStrings(boolean asStrings) {
            this.bodiesAsStrings = asStrings;
            return this;
        }

        /** The identity types notifications carry in {@code enrichmentData}; every type unless set. */
        public Builder enrichmentIdentityTypes(String... types) {
            enrichmentTypes.clear();
            for (String type : types) {
                enrichmentTypes.add(new AirIdentity(type, "x").type());
            }
            return this;
        }

        /** How many notifications may be on their way at once, each to its own wallet ({@value SandboxAirServer#DEFAULT_NOTIFICATION_SENDERS} unless set). */
        public Builder notificationSenders(int count) {
            if (count < 1 || count > 1_024) {
                throw SandboxAirException.invalid("The AIR sandbox needs 1 to 1024 notification senders, not " + count + ".");
            }
            this.senders = count;
            return this;
        }

        /** How many times a notification is posted before it is abandoned ({@value SandboxAirServer#DEFAULT_NOTIFICATION_ATTEMPTS} unless set). */
        public Builder notificationAttempts(int count) {
            if (count < 1 || count > 20) {
                throw SandboxAirException.invalid("The AIR sandbox notification attempts must be 1 to 20, not " + count + ".");
            }
            this.attempts = count;
            return this;
        }

        /** The wait before the second attempt; each later wait doubles (500 ms unless set). */
        public Builder notificationRetryDelay(Duration delay) {
            this.retryDelay = delay("notification retry delay", delay);
            return this;
        }

        /** How long a notification post may take, connecting included (10 s unless set). */
        public Builder httpTimeout(Duration timeout) {
            this.httpTimeout = delay("HTTP timeout", timeout);
            if (timeout.isZero()) {
                throw SandboxAirException.invalid("The AIR sandbox HTTP timeout must be positive.");
            }
            return this;
        }

        /** The clock of event times and dates in AIR's objects; the system clock unless set. */
        public Builder clock(InstantSource newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        /** Called, on a server thread, for each {@link AirSandboxEvent}; it must be quick and must not throw. */
        public Builder eventListener(Consumer<AirSandboxEvent> listener) {
            this.eventListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @throws SandboxAirException {@code SANDBOX_AIR_INVALID_SETTING} without a client, {@code SANDBOX_AIR_IDENTITY_IN_USE}
         *                             when two wallets share an identity value
         */
        public SandboxAirServer build() {
            if (client == null) {
                throw SandboxAirException.invalid("The sandbox AIR server needs its API client: call client(clientId, clientSecret).");
            }
            return new SandboxAirServer(this);
        }

        public SandboxAirServer start() {
            return build().start();
        }

        private static Duration delay(String what, Duration value) {
            Objects.requireNonNull(value, what);
            if (value.isNegative() || value.compareTo(MAX_DELAY) > 0) {
                throw SandboxAirException.invalid("The AIR sandbox " + what + " must be between 0 and 1 hour, not " + value + ".");
            }
            return value;
        }
    }
}
