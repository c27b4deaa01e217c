package dev.cohort.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cohort.spi.config.ConfigException;
import dev.cohort.spi.config.ConfigProblem;
import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.Capability;
import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.DeliveredFile;
import dev.cohort.spi.destination.DestinationSpec;
import dev.cohort.spi.destination.DestinationType;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.RowRejection;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tests every destination type passes, whatever its partner: a sane spec, configuration that
 * reports every problem at once, a passing connection check, a delivery that reads back exactly, and
 * abort and close that leave nothing behind. A connector's test extends this class with its type, a
 * valid and an invalid configuration, and ways to read the target back; each test starts with an empty
 * target (the subclass clears it, e.g. with a per-test server).
 *
 * @param <C> the destination type's configuration
 */
public abstract class DestinationConformance<C extends Record> {
    /** The destination type under test. */
    protected abstract DestinationType<C> destinationType();

    /** Settings that work against the test target. */
    protected abstract Map<String, Object> validSettings();

    /** The credential's values that work against the test target (empty when the type takes none). */
    protected abstract Map<String, String> validSecrets();

    /** A configuration wrong in at least two ways, with the fields each problem must name. */
    protected abstract InvalidConfiguration invalidConfiguration();

    /**
     * The data rows the finished delivery made visible, in order, without any header, each value as
     * text (a destination that cannot tell SQL NULL from "" reads both back as "").
     */
    protected abstract List<List<String>> readBack(WriteResult result);

    /** Everything now in the target — published and temporary entries alike — by name. */
    protected abstract List<String> listTarget();

    /**
     * A configuration under which a row is rejected, or empty when the destination rejects no rows (the
     * test is then skipped, saying so). Rows 1 and 3 of {@link #row} must pass under it.
     */
    protected Optional<RejectionCase> rejectionCase() {
        return Optional.empty();
    }

    /** The delivery's fields; override for a fixed layout. */
    protected List<String> fields() {
        return List.of("customer_id", "email", "name");
    }

    /**
     * Row {@code number} (from 1) of the suite's deliveries, in {@link #fields()} order. Rows 2 and 4 hold
     * a comma and quotes, rows 1 and 3 only letters (the rejection test writes rows 1 and 3 around the
     * rejected one).
     */
    protected String[] row(long number) {
        String name = switch ((int) (number % 4)) {
            case 1 -> "Ada Lovelace";
            case 2 -> "O'Brien, Pat";
            case 3 -> "Jörg";
            default -> "Zoë \"Z\" Müller";
        };
        return new String[] {"C" + number, "user" + number + "@example.com", name};
    }

    @BeforeEach
    void targetStartsEmpty() {
        assertThat(listTarget()).as("the target must be empty before each conformance test").isEmpty();
    }

    @Test
    void specIsSane() {
        DestinationSpec spec = destinationType().spec();
        assertThat(spec.type()).matches("[a-z][a-z0-9-]*");
        assertThat(spec.displayName()).isNotBlank();
        assertThat(spec.description()).isNotBlank();
        assertThat(spec.settings()).extracting(SettingSpec::name).doesNotHaveDuplicates();
        assertThat(spec.settings()).allSatisfy(setting -> assertThat(setting.description()).as("description of %s", setting.name())
                .isNotBlank());
        assertThat(spec.secrets()).allSatisfy(secret -> assertThat(secret.description()).as("description of %s", secret.name())
                .isNotBlank());
        if (!spec.secrets().isEmpty()) {
            assertThat(spec.credentialType()).as("a type that reads secrets names its credential type").isNotBlank();
        }
        assertThat(ServiceLoader.load(DestinationType.class).stream().map(ServiceLoader.Provider::type))
                .as("registered in META-INF/services/" + DestinationType.class.getName())
                .contains(destinationType().getClass());
    }

    @Test
    void validConfigurationIsAccepted() {
        C config = configure(validSettings());
        assertThat(config).isNotNull();
        for (String secret : validSecrets().values()) {
            for (String line : secret.lines().filter(line -> line.length() >= 8 && !line.startsWith("-----")).toList()) {
                assertThat(config.toString()).as("the configuration's toString shows no secret").doesNotContain(line);
            }
        }
    }

    @Test
    void invalidConfigurationReportsEveryProblemAtOnce() {
        InvalidConfiguration invalid = invalidConfiguration();
        DestinationSpec spec = destinationType().spec();
        ConfigException failure = catchThrowableOfType(ConfigException.class,
                () -> destinationType().configure(new Settings(spec.settings(), invalid.settings(), invalid.secrets())));
        assertThat(failure).as("configure must throw a ConfigException").isNotNull();
        assertThat(failure.problems()).extracting(ConfigProblem::field).containsAll(invalid.expectedFields());
        assertThat(failure.problems()).allSatisfy(problem -> assertThat(problem.message()).isNotBlank());
        for (String secret : invalid.secrets().values()) {
            if (secret.length() >= 8) {
                assertThat(failure.getMessage()).as("problems never show a secret").doesNotContain(secret);
            }
        }
    }

    @Test
    void connectionCheckPasses() {
        CheckResult result = destinationType().check(configure(validSettings()), CheckContext.DEFAULT);
        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.steps()).isNotEmpty().allSatisfy(step -> assertThat(step.message()).isNotBlank());
    }

    @Test
    void deliveryOfThreeBatchesReadsBackExactly() {
        List<String[]> written = new ArrayList<>();
        WriteResult result;
        try (DestinationWriter writer = open(configure(validSettings()))) {
            long next = 1;
            for (int size : new int[] {3, 1, 5}) {
                List<String[]> rows = rows(next, size);
                assertThat(writer.write(RecordBatch.numberedFrom(next, rows))).as("rejections").isEmpty();
                written.addAll(rows);
                next += size;
            }
            result = writer.finish();
        }
        assertThat(result.rowsSent()).isEqualTo(written.size());
        assertThat(readBack(result)).containsExactlyElementsOf(asLists(written));
        if (destinationType().spec().has(Capability.FILES)) {
            assertThat(result.files()).isNotEmpty().allSatisfy(DestinationConformance::isDescribed);
            assertThat(listTarget()).as("only the published files are left")
                    .containsExactlyInAnyOrderElementsOf(result.files().stream().map(DeliveredFile::name).toList());
        }
    }

    /**
     * True for a destination that sends each row as it is written and cannot take it back (a reward issued in a
     * loyalty platform): then an aborted or unfinished delivery must send nothing more and keep what was sent,
     * instead of leaving nothing.
     */
    protected boolean deliversAsItWrites() {
        return false;
    }

    @Test
    void abortAfterWritesLeavesNothing() {
        List<String> sent;
        try (DestinationWriter writer = open(configure(validSettings()))) {
            writer.write(RecordBatch.numberedFrom(1, rows(1, 4)));
            writer.write(RecordBatch.numberedFrom(5, rows(5, 4)));
            sent = deliversAsItWrites() ? listTarget() : List.of();
            writer.abort();
            writer.abort();
            assertThat(listTarget()).as(deliversAsItWrites() ? "what was sent stays, nothing more" : "nothing is left")
                    .isEqualTo(sent);
            assertThatThrownBy(() -> writer.write(RecordBatch.numberedFrom(9, rows(9, 1))))
                    .as("an aborted writer takes no more rows").isInstanceOf(IllegalStateException.class);
        }
        assertThat(listTarget()).isEqualTo(sent);
    }

    @Test
    void closeWithoutFinishLeavesNothing() {
        List<String> sent;
        try (DestinationWriter writer = open(configure(validSettings()))) {
            writer.write(RecordBatch.numberedFrom(1, rows(1, 6)));
            sent = deliversAsItWrites() ? listTarget() : List.of();
        }
        assertThat(listTarget()).as(deliversAsItWrites() ? "what was sent stays, nothing more" : "nothing is left")
                .isEqualTo(sent);
    }

    /** A test only for destinations that declare a row they reject ({@link #rejectionCase()}); none for the others. */
    @TestFactory
    Stream<DynamicTest> rejectedRowsAreReportedWithTheirNumbers() {
        return rejectionCase().stream().map(rejection -> DynamicTest.dynamicTest(
                "a rejected row is reported with its number and the others are delivered", () -> rejects(rejection)));
    }

    private void rejects(RejectionCase rejection) {
        Map<String, Object> settings = new HashMap<>(validSettings());
        settings.putAll(rejection.settingOverrides());
        List<String[]> rows = List.of(row(1), rejection.rejectedRow(), row(3));
        List<RowRejection> rejections;
        WriteResult result;
        try (DestinationWriter writer = open(configure(settings))) {
            rejections = writer.write(new RecordBatch(new long[] {1, 2, 3}, rows));
            result = writer.finish();
        }
        assertThat(rejections).extracting(RowRejection::rowNumber).containsExactly(2L);
        for (String value : rejection.rejectedRow()) {
            if (value != null && value.length() >= 3) {
                assertThat(rejections.get(0).reason()).as("a rejection never shows a value").doesNotContain(value);
            }
        }
        assertThat(result.rowsSent()).isEqualTo(2);
        assertThat(readBack(result)).containsExactlyElementsOf(asLists(List.of(row(1), row(3))));
    }

    /** Binds and validates settings for the type under test. */
    protected final C configure(Map<String, Object> settings) {
        DestinationSpec spec = destinationType().spec();
        return destinationType().configure(new Settings(spec.settings(), settings, validSecrets()));
    }

    /** A write context for one suite delivery. */
    protected WriteContext writeContext() {
        return new WriteContext("conformance-" + UUID.randomUUID(), "conformance", "audience", Instant.now(), ZoneOffset.UTC, false,
                fields());
    }

    private DestinationWriter open(C config) {
        return destinationType().open(config, writeContext());
    }

    private List<String[]> rows(long first, int count) {
        List<String[]> rows = new ArrayList<>();
        for (long number = first; number < first + count; number++) {
            rows.add(row(number));
        }
        return rows;
    }

    private static List<List<String>> asLists(List<String[]> rows) {
        return rows.stream().map(row -> Arrays.stream(row).map(value -> value == null ? "" : value).toList()).toList();
    }

    private static void isDescribed(DeliveredFile file) {
        assertThat(file.name()).isNotBlank();
        assertThat(file.location()).isNotBlank().doesNotContain("@");
        assertThat(file.sha256()).matches("[0-9a-f]{64}");
        assertThat(file.bytes()).isNotNegative();
    }
}
