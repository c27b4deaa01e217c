package dev.cohort.connector.insider;

import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.DestinationSpec;
import dev.cohort.spi.destination.DestinationType;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.PartnerReport;
import dev.cohort.spi.destination.RateLimit;
import dev.cohort.spi.destination.RetryPolicy;
import dev.cohort.spi.destination.TemplateContract;
import dev.cohort.spi.destination.WriteContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code type: insider-one}: an Insider One first-party segment through the FPS API. The query outputs one
 * column named as the segment's attribute ({@code email}, {@code phone_number} or {@code uuid}); its values are
 * normalised (invalid ones are rejected rows), written one per line to a file that Cohort's server lends at a
 * signed URL, and {@code POST /fps/v1/upload} asks Insider to fetch it. Insider processes the file later and
 * reports valid and invalid counts on the run's callback URL ({@link #readReport}); until then the run waits for
 * its partner. {@code add} and {@code remove} download the current segment and merge on disk first.
 *
 * <p>Declares Insider's limit of 100 requests per second, which the runtime enforces per credential, and retries
 * a delivery whole after 429, 5xx or a connection failure. Stateless and thread-safe.
 */
public final class InsiderOneDestinationType implements DestinationType<InsiderOneConfig> {
    public static final String TYPE = "insider-one";
    /** Insider One's documented limit. */
    public static final RateLimit RATE_LIMIT = RateLimit.perSecond(100);
    /** 5 attempts in all, waiting 1 s, 2 s, 4 s, 8 s (at most 60 s) — or as long as Insider's Retry-After says. */
    public static final RetryPolicy RETRY_POLICY = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60));
    private static final DestinationSpec SPEC = new DestinationSpec(TYPE, "Insider One",
            "An Insider One first-party segment: one column of e-mails, phone numbers or UUIDs, fetched by Insider from a signed URL"
                    + " and reported back with valid and invalid counts.",
            InsiderOneSettings.CREDENTIAL_TYPE, TemplateContract.singleField(), InsiderOneSettings.SETTINGS, InsiderOneSettings.SECRETS,
            Set.of(), RATE_LIMIT, RETRY_POLICY);

    private final Path workFolder;
    private final long sortMemoryBytes;

    /** The type as {@link java.util.ServiceLoader} makes it: temporary files under {@code java.io.tmpdir}. */
    public InsiderOneDestinationType() {
        this(Path.of(System.getProperty("java.io.tmpdir"), "cohort-insider-one"));
    }

    /** @param workFolder where each delivery makes its temporary folder (created when missing) */
    public InsiderOneDestinationType(Path workFolder) {
        this(workFolder, SegmentMerge.DEFAULT_SORT_MEMORY_BYTES);
    }

    InsiderOneDestinationType(Path workFolder, long sortMemoryBytes) {
        this.workFolder = Objects.requireNonNull(workFolder, "workFolder");
        this.sortMemoryBytes = sortMemoryBytes;
    }

    @Override
    public DestinationSpec spec() {
        return SPEC;
    }

    @Override
    public InsiderOneConfig configure(Settings settings) {
        return InsiderOneSettings.bind(settings);
    }

    @Override
    public CheckResult check(InsiderOneConfig config, CheckContext context) {
        return InsiderCheck.run(config, context);
    }

    @Override
    public DestinationWriter open(InsiderOneConfig config, WriteContext context) {
        return InsiderOneWriter.open(config, context, workFolder, sortMemoryBytes);
    }

    /** Exactly one field, named as the attribute (in any case). */
    @Override
    public List<String> checkFields(InsiderOneConfig config, List<String> fields) {
        return fieldProblems(config, fields);
    }

    /** Segment names are unique in an Insider account: two orchestrations must not send to one segment. */
    @Override
    public Optional<String> exclusiveKey(InsiderOneConfig config) {
        return Optional.of("segment '" + config.segmentName() + "'");
    }

    @Override
    public PartnerReport readReport(InsiderOneConfig config, byte[] body) {
        return CallbackReports.read(config, body);
    }

    static List<String> fieldProblems(InsiderOneConfig config, List<String> fields) {
        String attribute = config.attribute().wireName();
        if (fields.size() == 1 && fields.getFirst().equalsIgnoreCase(attribute)) {
            return List.of();
        }
        String needed = "Insider One segments take exactly one column named " + attribute + " (the attribute); ";
        String outputs = fields.isEmpty() ? "this query outputs none" : "this query outputs " + fields.size() + ": " + String.join(", ", fields);
        String fix;
        if (fields.size() == 1) {
            fix = "rename it (SELECT " + fields.getFirst() + " AS " + attribute + "), or map one field named " + attribute
                    + " in a data template";
        } else if (fields.stream().anyMatch(f -> f.equalsIgnoreCase(attribute))) {
            fix = "select only " + attribute + ", or map one field named " + attribute + " in a data template";
        } else {
            fix = "select only the column holding the " + attribute.replace('_', ' ') + " values, named " + attribute
                    + ", or map one field named " + attribute + " in a data template";
        }
        return List.of(needed + outputs + " — " + fix);
    }
}
