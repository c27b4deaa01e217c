package dev.cohort.connector.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorKind;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.CheckResult.Step;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.RequestPermits;
import dev.cohort.spi.destination.RowRejection;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The {@code eagle-eye-air-trigger} destination against {@link AirStandIn}, a real HTTP server on loopback that checks
 * signatures as AIR does and keeps every reward it issues — so "nothing rewarded twice" is asserted on AIR's side.
 */
class AirTriggerIT {
    private static final AirTriggerDestinationType TYPE = new AirTriggerDestinationType();
    private static final List<String> FIELDS = List.of("identity_value", "action_reference");

    private AirStandIn air;
    private final AtomicInteger permits = new AtomicInteger();
    private final RequestPermits counting = permits::incrementAndGet;
    private final List<RowRejection> rejected = new ArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger writerLog = (Logger) LoggerFactory.getLogger(AirTriggerWriter.class);

    @BeforeEach
    void start() throws IOException {
        air = new AirStandIn("/services/trigger");
        air.wallet("CUST-1002", "310000102", 0);
        air.wallet("CUST-1003", "310000103", 50);
        log.start();
        writerLog.addAppender(log);
        writerLog.setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @AfterEach
    void stop() {
        writerLog.detachAppender(log);
        writerLog.setLevel(null);
        air.close();
    }

    @Test
    void eachRowRewardsItsConsumerOnceUnderItsIdempotencyKey() {
        WriteResult result = deliver(config(Map.of()), false, rows("CUST-1001", "CUST-1002", "CUST-1003"));

        assertThat(result.rowsSent()).isEqualTo(3);
        assertThat(result.files()).isEmpty();
        assertThat(air.issued()).extracting(AirStandIn.Issued::identityValue).containsExactly("CUST-1001", "CUST-1002", "CUST-1003");
        assertThat(air.issued()).extracting(AirStandIn.Issued::reference).containsExactly(
                RewardReference.of("late-delivery-2026-03", "CUST-1001", "LATE_DELIVERY_500"),
                RewardReference.of("late-delivery-2026-03", "CUST-1002", "LATE_DELIVERY_500"),
                RewardReference.of("late-delivery-2026-03", "CUST-1003", "LATE_DELIVERY_500"));
        assertThat(air.balance("310000101")).isEqualTo(1700);
        assertThat(air.balance("310000102")).isEqualTo(500);
        assertThat(air.balance("310000103")).isEqualTo(550);
        assertThat(permits).as("one permit per request").hasValue(3);
        assertThat(air.received()).allSatisfy(request -> assertThat(request.body()).contains("\"reference\":\"cohort-"));
        assertThat(messages()).anySatisfy(line -> assertThat(line).contains("3 triggers taken", "3 consumers rewarded (1500 points)",
                "0 already rewarded"));
    }

    @Test
    void aSecondRunOfTheSameRowsFindsThemAllAlreadyRewarded() {
        deliver(config(Map.of()), false, rows("CUST-1001", "CUST-1002", "CUST-1003"));
        List<AirStandIn.Issued> first = air.issued();
        log.list.clear();

        WriteResult again = deliver(config(Map.of()), false, rows("CUST-1001", "CUST-1002", "CUST-1003"));

        assertThat(again.rowsSent()).as("duplicates count as sent").isEqualTo(3);
        assertThat(air.received()).as("every row was asked again").hasSize(6);
        assertThat(air.issued()).as("nothing was issued twice").isEqualTo(first);
        assertThat(air.balance("310000101")).isEqualTo(1700);
        assertThat(messages()).anySatisfy(line -> assertThat(line).contains("3 triggers taken", "0 consumers rewarded",
                "3 already rewarded by an earlier run"));
    }

    @Test
    void anotherRewardKeyOrActionRewardsAgain() {
        deliver(config(Map.of()), false, rows("CUST-1001"));
        deliver(config(Map.of("reward_key", "late-delivery-2026-04")), false, rows("CUST-1001"));
        deliver(config(Map.of()), false, List.<String[]>of(new String[] {"CUST-1001", "APP_DOWNLOAD_100"}));

        assertThat(air.issued()).extracting(AirStandIn.Issued::reference).doesNotHaveDuplicates().hasSize(3);
        assertThat(air.issued()).extracting(AirStandIn.Issued::actions)
                .containsExactly(List.of("LATE_DELIVERY_500"), List.of("LATE_DELIVERY_500"), List.of("APP_DOWNLOAD_100"));
        assertThat(air.balance("310000101")).isEqualTo(1200 + 500 + 500 + 100);
    }

    @Test
    void theActionCanComeFromTheRowsAlone() {
        AirTriggerConfig config = configure(settings(Map.of()), AirStandIn.SECRET);
        assertThat(config.actionReference()).isNull();

        WriteResult result = deliver(config, false, List.of(new String[] {" CUST-1001 ", "APP_DOWNLOAD_100"},
                new String[] {"CUST-1002", "  "}));

        assertThat(result.rowsSent()).isEqualTo(1);
        assertThat(air.issued()).singleElement().satisfies(issued -> {
            assertThat(issued.identityValue()).as("trimmed").isEqualTo("CUST-1001");
            assertThat(issued.actions()).containsExactly("APP_DOWNLOAD_100");
        });
        assertThat(rejected).singleElement().satisfies(rejection -> {
            assertThat(rejection.rowNumber()).isEqualTo(2);
            assertThat(rejection.reason()).contains("action_reference is empty");
        });
    }

    @Test
    void anUnknownIdentityIsARejectedRowWhoseReasonNeverShowsIt() {
        WriteResult result = deliver(config(Map.of()), false, rows("CUST-1001", "robin@example.org", "Robin@Example.org ", "", "CUST-1003"));

        assertThat(result.rowsSent()).isEqualTo(2);
        assertThat(rejected).extracting(RowRejection::rowNumber).containsExactly(2L, 3L, 4L);
        assertThat(rejected.get(0).reason()).contains("no wallet", "404");
        assertThat(rejected.get(2).reason()).contains("identity_value is empty");
        assertThat(rejected).allSatisfy(rejection -> assertThat(rejection.reason().toLowerCase()).doesNotContain("robin"));
        assertThat(air.received()).as("the empty identity was not sent").hasSize(4);
        assertThat(air.issued()).extracting(AirStandIn.Issued::identityValue).containsExactly("CUST-1001", "CUST-1003");
        assertThat(messages()).allSatisfy(line -> assertThat(line.toLowerCase()).doesNotContain("robin"));
    }

    @Test
    void anUnknownActionIsARejectedRowWithAirsReason() {
        WriteResult result = deliver(config(Map.of()), false, List.of(new String[] {"CUST-1001", "NO_SUCH_ACTION"},
                new String[] {"CUST-1002", null}));

        assertThat(result.rowsSent()).isEqualTo(1);
        assertThat(rejected).singleElement().satisfies(rejection -> {
            assertThat(rejection.rowNumber()).isEqualTo(1);
            assertThat(rejection.reason()).contains("400", "Unknown trigger reference", "behavioural actions").doesNotContain("CUST-1001");
        });
    }

    @Test
    void aDeliveryThatAirRefusesThroughoutFailsInsteadOfAskingForEveryRow() {
        List<String[]> strangers = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            strangers.add(new String[] {"STRANGER-" + i, null});
        }

        assertThatThrownBy(() -> deliver(config(Map.of()), false, strangers)).isInstanceOfSatisfying(PartnerException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(AirErrors.TRIGGERS_REFUSED);
            assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR);
            assertThat(e.getMessage()).contains("first 100 triggers", "identity_value", "trigger_path").doesNotContain("STRANGER");
        });
        assertThat(air.received()).hasSize(AirTriggerWriter.REFUSALS_BEFORE_GIVING_UP);
    }

    @Test
    void refusalsAfterATakenTriggerAreOnlyRejectedRows() {
        List<String[]> rows = new ArrayList<>(rows("CUST-1001"));
        for (int i = 0; i < 120; i++) {
            rows.add(new String[] {"STRANGER-" + i, null});
        }

        WriteResult result = deliver(config(Map.of()), false, rows);

        assertThat(result.rowsSent()).isEqualTo(1);
        assertThat(rejected).hasSize(120);
    }

    @Test
    void aWrongSecretFailsTheDeliveryForGood() {
        AirTriggerConfig config = configure(settings(Map.of("action_reference", "LATE_DELIVERY_500")), "not-the-secret");

        assertThatThrownBy(() -> deliver(config, false, rows("CUST-1001", "CUST-1002"))).isInstanceOfSatisfying(PartnerException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(AirErrors.UNAUTHORIZED);
            assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_PERMANENT);
            assertThat(e.getMessage()).contains("client_id", "client_secret", "before any trigger").doesNotContain("not-the-secret")
                    .doesNotContain(AirStandIn.CLIENT_ID);
        });
        assertThat(air.received()).as("the first refusal ends the delivery").hasSize(1);
        assertThat(air.issued()).isEmpty();
    }

    @Test
    void aServerErrorIsTemporaryAndTheRetriedDeliveryRewardsNobodyTwice() {
        List<String[]> rows = rows("CUST-1001", "CUST-1002", "CUST-1003");
        AirTriggerConfig config = config(Map.of());
        DestinationWriter first = TYPE.open(config, context(false));
        first.write(RecordBatch.numberedFrom(1, rows.subList(0, 2)));
        air.force(500, Map.of(), "{\"errorMessage\":\"Internal error\"}");

        assertThatThrownBy(() -> first.write(RecordBatch.numberedFrom(3, rows.subList(2, 3))))
                .isInstanceOfSatisfying(PartnerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(AirErrors.UNAVAILABLE);
                    assertThat(e.kind()).as("the runtime retries the delivery").isEqualTo(ErrorKind.EXTERNAL_TRANSIENT);
                    assertThat(e.getMessage()).contains("500", "after 2 triggers of this delivery were taken", "duplicates");
                });
        first.abort();

        WriteResult retried = deliver(config, false, rows);

        assertThat(retried.rowsSent()).isEqualTo(3);
        assertThat(air.issued()).extracting(AirStandIn.Issued::identityValue).containsExactly("CUST-1001", "CUST-1002", "CUST-1003");
        assertThat(messages()).anySatisfy(line -> assertThat(line).contains("1 consumers rewarded", "2 already rewarded"));
    }

    @Test
    void rateLimitsAndUnreachableAirAreTemporary() throws IOException {
        air.force(429, Map.of("Retry-After", "7"), "");
        assertThatThrownBy(() -> deliver(config(Map.of()), false, rows("CUST-1001"))).isInstanceOfSatisfying(PartnerException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(AirErrors.RATE_LIMITED);
            assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_TRANSIENT);
            assertThat(e.retryAfter()).as("AIR's wait, for the runtime").contains(Duration.ofSeconds(7));
        });

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> nowhere = settings(Map.of("action_reference", "LATE_DELIVERY_500"));
        nowhere.put("base_url", "http://127.0.0.1:" + closedPort);
        assertThatThrownBy(() -> deliver(configure(nowhere, AirStandIn.SECRET), false, rows("CUST-1001")))
                .isInstanceOfSatisfying(PartnerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(AirErrors.UNREACHABLE);
                    assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_TRANSIENT);
                });
    }

    @Test
    void aTestRunIsRefusedUnlessAllowedAndSendsNothing() {
        assertThatThrownBy(() -> TYPE.open(config(Map.of()), context(true))).isInstanceOfSatisfying(CohortException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(AirErrors.TEST_RUN_REFUSED);
            assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR);
            assertThat(e.getMessage()).contains("allow_test_runs: true", "for real");
        });
        assertThat(air.received()).isEmpty();
    }

    @Test
    void anAllowedTestRunRewardsUnderItsOwnKeysSoTheRealRunRewardsAgain() {
        AirTriggerConfig config = config(Map.of("allow_test_runs", true));

        deliver(config, true, rows("CUST-1001"));
        deliver(config, true, rows("CUST-1001"));
        deliver(config, false, rows("CUST-1001"));

        assertThat(air.issued()).extracting(AirStandIn.Issued::reference).containsExactly(
                RewardReference.of("late-delivery-2026-03-cohort-test", "CUST-1001", "LATE_DELIVERY_500"),
                RewardReference.of("late-delivery-2026-03", "CUST-1001", "LATE_DELIVERY_500"));
    }

    @Test
    void fieldsThatCannotMakeTriggersAreRefusedBeforeAnythingIsSent() {
        WriteContext noIdentity = new WriteContext("run-7", "welcome", "members", Instant.now(), ZoneOffset.UTC, false,
                List.of("customer_id", "action_reference"), counting, null, null);

        assertThatThrownBy(() -> TYPE.open(config(Map.of()), noIdentity)).isInstanceOfSatisfying(CohortException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(AirErrors.TRIGGER_FIELDS);
            assertThat(e.getMessage()).contains("identity_value", "customer_id");
        });
        assertThat(air.received()).isEmpty();
    }

    @Test
    void anAbortedDeliverySendsNothingMoreAndKeepsWhatWasRewarded() {
        DestinationWriter writer = TYPE.open(config(Map.of()), context(false));
        writer.write(RecordBatch.numberedFrom(1, rows("CUST-1001")));

        writer.abort();
        writer.abort();
        writer.close();

        assertThatThrownBy(() -> writer.write(RecordBatch.numberedFrom(2, rows("CUST-1002")))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class);
        assertThat(air.issued()).extracting(AirStandIn.Issued::identityValue).containsExactly("CUST-1001");
        assertThat(messages()).anySatisfy(line -> assertThat(line).contains("stopped after 1 triggers", "stay in AIR"));
    }

    @Test
    void anInterruptedWaitForAPermitSendsNothing() {
        RequestPermits interrupted = () -> {
            throw new InterruptedException("stopping");
        };
        WriteContext context = new WriteContext("run-8", "welcome", "members", Instant.now(), ZoneOffset.UTC, false, FIELDS,
                interrupted, null, null);
        try (DestinationWriter writer = TYPE.open(config(Map.of()), context)) {
            assertThatThrownBy(() -> writer.write(RecordBatch.numberedFrom(1, rows("CUST-1001"))))
                    .isInstanceOfSatisfying(PartnerException.class, e -> assertThat(e.errorCode()).isEqualTo(AirErrors.INTERRUPTED));
            assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        }
        assertThat(air.received()).isEmpty();
    }

    @Test
    void theCheckReachesAirWithoutRewardingAnyone() {
        CheckResult result = TYPE.check(config(Map.of()), new CheckContext(Duration.ofSeconds(5)));

        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.steps()).extracting(Step::name).containsExactly("resolve 127.0.0.1", "reach " + air.baseUrl(),
                "client_id and client_secret");
        assertThat(result.steps().get(1).message()).isEqualTo("answered HTTP 404 over plain HTTP (any answer shows it is reachable)");
        assertThat(result.steps().get(2).message()).contains("the first trigger does");
        assertThat(air.issued()).isEmpty();
        assertThat(air.received()).singleElement().satisfies(request -> assertThat(request.method()).isEqualTo("GET"));
        assertThat(result.toString()).doesNotContain(AirStandIn.SECRET).doesNotContain(AirStandIn.CLIENT_ID);
    }

    @Test
    void aCheckOfNothingListeningSaysSo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> nowhere = settings(Map.of("action_reference", "LATE_DELIVERY_500"));
        nowhere.put("base_url", "http://127.0.0.1:" + closedPort);

        CheckResult result = TYPE.check(configure(nowhere, AirStandIn.SECRET), new CheckContext(Duration.ofSeconds(5)));

        assertThat(result.ok()).isFalse();
        assertThat(result.summary()).isEqualTo("reach http://127.0.0.1:" + closedPort + ": the connection to 127.0.0.1:" + closedPort
                + " was refused: nothing listens there; check base_url's host and port");
    }

    /** One whole delivery: opened, written in batches of two rows, finished; the rejections are kept in {@code rejected}. */
    private WriteResult deliver(AirTriggerConfig config, boolean test, List<String[]> rows) {
        rejected.clear();
        try (DestinationWriter writer = TYPE.open(config, context(test))) {
            for (int first = 0; first < rows.size(); first += 2) {
                rejected.addAll(writer.write(RecordBatch.numberedFrom(first + 1, rows.subList(first, Math.min(rows.size(), first + 2)))));
            }
            return writer.finish();
        }
    }

    private WriteContext context(boolean test) {
        return new WriteContext("run-" + permits.get(), "late-delivery-reward", "late_deliveries", Instant.now(), ZoneOffset.UTC, test,
                FIELDS, counting, null, null);
    }

    private static List<String[]> rows(String... identities) {
        List<String[]> rows = new ArrayList<>();
        for (String identity : identities) {
            rows.add(new String[] {identity, null});
        }
        return rows;
    }

    private List<String> messages() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The destination's settings against the stand-in, with reward_key and action_reference unless {@code extra} replaces them. */
    private AirTriggerConfig config(Map<String, Object> extra) {
        Map<String, Object> settings = settings(Map.of("action_reference", "LATE_DELIVERY_500"));
        settings.putAll(extra);
        return configure(settings, AirStandIn.SECRET);
    }

    private Map<String, Object> settings(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(Map.of("base_url", air.baseUrl().toString(), "reward_key", "late-delivery-2026-03"));
        settings.putAll(extra);
        return settings;
    }

    private static AirTriggerConfig configure(Map<String, Object> settings, String secret) {
        return TYPE.configure(new Settings(TYPE.spec().settings(), settings,
                Map.of("client_id", AirStandIn.CLIENT_ID, "client_secret", secret)));
    }
}
