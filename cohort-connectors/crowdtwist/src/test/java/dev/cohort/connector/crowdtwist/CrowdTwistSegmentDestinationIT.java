package dev.cohort.connector.crowdtwist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.destination.DeliveredFile;
import dev.cohort.spi.destination.DestinationType;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import dev.cohort.testing.conformance.DestinationConformance;
import dev.cohort.testing.conformance.InvalidConfiguration;
import dev.cohort.testing.conformance.RejectionCase;
import dev.cohort.testing.sftp.SftpServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The conformance suite for {@code type: crowdtwist-segment} against the embedded SFTP server, plus its file rules. */
class CrowdTwistSegmentDestinationIT extends DestinationConformance<CrowdTwistConfig> {
    @RegisterExtension
    static final SftpServerExtension SFTP = new SftpServerExtension();

    @Override
    protected DestinationType<CrowdTwistConfig> destinationType() {
        return new CrowdTwistSegmentDestinationType();
    }

    @Override
    protected Map<String, Object> validSettings() {
        return SFTP.destinationSettings(Map.of("segment_name", "Gold Members"));
    }

    @Override
    protected Map<String, String> validSecrets() {
        return SFTP.keyCredential();
    }

    @Override
    protected InvalidConfiguration invalidConfiguration() {
        return new InvalidConfiguration(Map.of("host", SFTP.host(), "id_column", "member", "segment_name", "a/b"),
                Map.of("private_key", SFTP.clientPrivateKeyOpenSsh()), Set.of("user", "remote_folder", "host_key", "id_column",
                "segment_name"));
    }

    @Override
    protected Optional<RejectionCase> rejectionCase() {
        return Optional.of(new RejectionCase(Map.of(), new String[] {"M,2"}));
    }

    @Override
    protected List<String> fields() {
        return List.of("CTUserID");
    }

    @Override
    protected String[] row(long number) {
        return new String[] {"M" + number};
    }

    @Override
    protected List<List<String>> readBack(WriteResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (DeliveredFile file : result.files()) {
            try {
                List<String> lines = Files.readAllLines(SFTP.userFolder().resolve(file.name()), StandardCharsets.UTF_8);
                lines.stream().skip(1).map(line -> List.of(line)).forEach(rows::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }

    @Override
    protected List<String> listTarget() {
        return SFTP.listUserFolder();
    }

    private WriteResult deliver(Instant startedAt, String... ids) {
        CrowdTwistConfig config = configure(validSettings());
        WriteContext context = new WriteContext("7", "gold", "gold_members", startedAt, ZoneOffset.UTC, false, List.of("CTUserID"));
        try (DestinationWriter writer = destinationType().open(config, context)) {
            List<String[]> rows = new ArrayList<>();
            for (String id : ids) {
                rows.add(new String[] {id});
            }
            writer.write(RecordBatch.numberedFrom(1, rows));
            return writer.finish();
        }
    }

    @Test
    void filesAreNamedBySegmentDayAndARisingVersionWithTheMemberHeaderAndNoEnclosure() throws IOException {
        Instant tenThirty = Instant.parse("2026-11-22T10:30:00Z");
        WriteResult first = deliver(tenThirty, "M1", "M2");
        WriteResult second = deliver(tenThirty, "M3");
        WriteResult earlierInTheDay = deliver(Instant.parse("2026-11-22T08:00:00Z"), "M4");

        assertThat(first.files()).extracting(DeliveredFile::name).containsExactly("Gold_Members_20261122_1030.csv");
        assertThat(second.files()).extracting(DeliveredFile::name).containsExactly("Gold_Members_20261122_1031.csv");
        assertThat(earlierInTheDay.files()).extracting(DeliveredFile::name).containsExactly("Gold_Members_20261122_1032.csv");
        assertThat(Files.readString(SFTP.userFolder().resolve("Gold_Members_20261122_1030.csv"))).isEqualTo("CTUserID\nM1\nM2\n");
    }

    @Test
    void theHeaderComesFromTheSettingOrTheFieldOrIsId() {
        assertThat(CrowdTwistSegmentDestinationType.header(null, "ctuserid")).isEqualTo("CTUserID");
        assertThat(CrowdTwistSegmentDestinationType.header(null, "loyalty_id")).isEqualTo("id");
        assertThat(CrowdTwistSegmentDestinationType.header("email_address", "CTUserID")).isEqualTo("email_address");
    }

    @Test
    void anEmptyMemberIdIsARejectedRow() {
        CrowdTwistConfig config = configure(validSettings());
        WriteContext context = new WriteContext("8", "gold", "gold_members", Instant.now(), ZoneOffset.UTC, false, List.of("id"));
        try (DestinationWriter writer = destinationType().open(config, context)) {
            List<String[]> rows = List.of(new String[] {"M1"}, new String[] {""}, new String[] {null});
            assertThat(writer.write(RecordBatch.numberedFrom(1, rows)))
                    .extracting(r -> r.rowNumber() + ": " + r.reason())
                    .containsExactly("2: field id: the member id is empty", "3: field id: the member id is empty");
            writer.abort();
        }
    }

    @Test
    void moreThanOneFieldIsRefused() {
        Map<String, Object> settings = new HashMap<>(validSettings());
        CrowdTwistConfig config = configure(settings);
        WriteContext context = new WriteContext("9", "gold", "gold_members", Instant.now(), ZoneOffset.UTC, false,
                List.of("id", "email"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> destinationType().open(config, context))
                .hasMessage("CrowdTwist segment files hold one member-id column, but gold_members gives 2 (id, email):"
                        + " use a data template with one field");
    }
}
