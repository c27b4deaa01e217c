package dev.cohort.connector.crowdtwist;

import dev.cohort.connector.files.CsvFormat;
import dev.cohort.connector.files.FileDeliveryOptions;
import dev.cohort.connector.files.FileDeliverySettings;
import dev.cohort.connector.files.FileDeliveryWriter;
import dev.cohort.connector.files.RowValidator;
import dev.cohort.connector.files.SftpCheck;
import dev.cohort.connector.files.SftpEndpoint;
import dev.cohort.connector.files.SftpSettings;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.config.SettingType;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.Capability;
import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.DestinationSpec;
import dev.cohort.spi.destination.DestinationType;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.RetryPolicy;
import dev.cohort.spi.destination.TemplateContract;
import dev.cohort.spi.destination.WriteContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code type: crowdtwist-segment}: a CrowdTwist client-defined segment — one member-id column with a
 * header, UTF-8, comma-separated, no field enclosure — named {@code <SEGMENT>_YYYYMMDD_<version>.csv} in
 * the client's CrowdTwist SFTP folder, which CrowdTwist polls every 20 minutes; each file replaces the
 * segment's membership. A member id holding a comma, a quote or a line break cannot be written without
 * enclosure: its row is rejected with the reason, never a broken file. Stateless and thread-safe.
 */
public final class CrowdTwistSegmentDestinationType implements DestinationType<CrowdTwistConfig> {
    public static final String TYPE = "crowdtwist-segment";
    /** The member column headers CrowdTwist accepts (matched ignoring case); {@code id} first. */
    public static final List<String> ID_COLUMNS = List.of("id", "CTUserID", "third_party_id", "email_address", "username",
            "mobile_phone_number");
    static final CsvFormat FORMAT = new CsvFormat(',', true, CsvFormat.QuoteMode.NONE, '"', '"', CsvFormat.LineEnding.LF,
            StandardCharsets.UTF_8);
    static final ErrorCode ONE_FIELD = ErrorCode.user("CROWDTWIST_ONE_FIELD");
    private static final SettingSpec SEGMENT_NAME = SettingSpec.required("segment_name", SettingType.STRING,
            "The segment's name in CrowdTwist; spaces become _ in file names.");
    private static final SettingSpec ID_COLUMN = new SettingSpec("id_column", SettingType.CHOICE, false, null,
            "The member column's header; default: the data template field's name when it is one of these, else id.",
            ID_COLUMNS);
    private static final RetryPolicy RETRY_POLICY = new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(60));
    private static final DestinationSpec SPEC = new DestinationSpec(TYPE, "CrowdTwist segment",
            "A client-defined segment: one member-id column, delivered to CrowdTwist's SFTP folder.",
            SftpSettings.CREDENTIAL_TYPE, TemplateContract.singleField(), settings(), SftpSettings.SECRETS,
            Set.of(Capability.FILES), null, RETRY_POLICY);

    @Override
    public DestinationSpec spec() {
        return SPEC;
    }

    @Override
    public CrowdTwistConfig configure(Settings settings) {
        SftpEndpoint endpoint = SftpSettings.bind(settings);
        String segment = settings.optionalString(SEGMENT_NAME.name()).map(String::strip).orElse("");
        if (settings.isSet(SEGMENT_NAME.name()) && segment.isEmpty()) {
            settings.problem(SEGMENT_NAME.name(), "must not be empty");
        } else if (segment.contains("/") || segment.contains("\\")) {
            settings.problem(SEGMENT_NAME.name(), "must not contain / or \\: it becomes part of a file name");
        }
        var zone = FileDeliverySettings.timeZone(settings);
        String idColumn = settings.optionalString(ID_COLUMN.name()).orElse(null);
        settings.validate();
        FileDeliveryOptions delivery = FileDeliveryOptions.builder(new SegmentFileNamer(segment))
                .format(FORMAT)
                .timeZone(zone)
                .rowValidator(CrowdTwistSegmentDestinationType::memberId)
                .replaceExisting(false)
                .build();
        return new CrowdTwistConfig(endpoint, delivery, idColumn);
    }

    @Override
    public CheckResult check(CrowdTwistConfig config, CheckContext context) {
        return SftpCheck.run(config.endpoint(), context);
    }

    @Override
    public DestinationWriter open(CrowdTwistConfig config, WriteContext context) {
        if (context.fields().size() != 1) {
            throw new CohortException(ONE_FIELD, "CrowdTwist segment files hold one member-id column, but "
                    + context.objectName() + " gives " + context.fields().size() + " (" + String.join(", ", context.fields())
                    + "): use a data template with one field");
        }
        String header = header(config.idColumn(), context.fields().getFirst());
        WriteContext renamed = new WriteContext(context.runId(), context.orchestration(), context.objectName(),
                context.startedAt(), context.timeZone(), context.test(), List.of(header));
        return FileDeliveryWriter.open(config.endpoint(), renamed, config.delivery());
    }

    /** The header: the {@code id_column} setting, else the field's own name if CrowdTwist accepts it, else {@code id}. */
    static String header(String idColumn, String field) {
        if (idColumn != null) {
            return idColumn;
        }
        return ID_COLUMNS.stream().filter(c -> c.equalsIgnoreCase(field)).findFirst().orElse("id");
    }

    private static Optional<String> memberId(String[] row, List<String> fields) {
        String value = row.length == 0 ? null : row[0];
        if (value == null || value.isBlank()) {
            return Optional.of("field " + fields.getFirst() + ": the member id is empty");
        }
        return Optional.empty();
    }

    private static List<SettingSpec> settings() {
        List<SettingSpec> settings = new ArrayList<>(SftpSettings.SETTINGS);
        settings.add(SEGMENT_NAME);
        settings.add(ID_COLUMN);
        settings.add(FileDeliverySettings.TIME_ZONE);
        return List.copyOf(settings);
    }
}
