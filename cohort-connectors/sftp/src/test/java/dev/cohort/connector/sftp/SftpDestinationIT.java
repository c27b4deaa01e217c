package dev.cohort.connector.sftp;

import dev.cohort.spi.destination.DestinationType;
import dev.cohort.spi.destination.WriteResult;
import dev.cohort.testing.conformance.DestinationConformance;
import dev.cohort.testing.conformance.InvalidConfiguration;
import dev.cohort.testing.conformance.RejectionCase;
import dev.cohort.testing.sftp.SftpServerExtension;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The conformance suite for {@code type: sftp} against the embedded MINA SFTP server. */
class SftpDestinationIT extends DestinationConformance<SftpDestinationConfig> {
    @RegisterExtension
    static final SftpServerExtension SFTP = new SftpServerExtension();

    @Override
    protected DestinationType<SftpDestinationConfig> destinationType() {
        return new SftpDestinationType();
    }

    @Override
    protected Map<String, Object> validSettings() {
        return SFTP.destinationSettings(Map.of("file_name", "{object}_{run}.csv"));
    }

    @Override
    protected Map<String, String> validSecrets() {
        return SFTP.keyCredential();
    }

    @Override
    protected InvalidConfiguration invalidConfiguration() {
        return new InvalidConfiguration(Map.of("host", "sftp://" + SFTP.host(), "port", 0, "remote_folder", "upload",
                "quote_mode", "sometimes", "file_name", "{objekt}.csv"), Map.of("passphrase", "only-a-passphrase"),
                Set.of("host", "port", "user", "remote_folder", "host_key", "credential", "quote_mode", "file_name"));
    }

    @Override
    protected Optional<RejectionCase> rejectionCase() {
        return Optional.of(new RejectionCase(Map.of("quote_mode", "none"), new String[] {"C2", "c2@example.com", "Doe, Jane"}));
    }

    @Override
    protected List<List<String>> readBack(WriteResult result) {
        return SFTP.readCsvRows(result);
    }

    @Override
    protected List<String> listTarget() {
        return SFTP.listUserFolder();
    }
}
