package dev.cohort.connector.kouponmedia;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.destination.DestinationType;
import dev.cohort.spi.destination.WriteResult;
import dev.cohort.testing.conformance.DestinationConformance;
import dev.cohort.testing.conformance.InvalidConfiguration;
import dev.cohort.testing.sftp.SftpServerExtension;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The conformance suite for {@code type: koupon-media} against the embedded SFTP server, plus its layout. */
class KouponMediaDestinationIT extends DestinationConformance<KouponMediaConfig> {
    @RegisterExtension
    static final SftpServerExtension SFTP = new SftpServerExtension();

    @Override
    protected DestinationType<KouponMediaConfig> destinationType() {
        return new KouponMediaDestinationType();
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
        return new InvalidConfiguration(Map.of("port", 70_000, "remote_folder", "incoming", "file_name", "{nope}.csv"),
                Map.of(), Set.of("port", "user", "remote_folder", "host_key", "credential", "file_name"));
    }

    @Override
    protected List<String> fields() {
        return KouponMediaDestinationType.LAYOUT;
    }

    @Override
    protected String[] row(long number) {
        String[] row = new String[29];
        Arrays.fill(row, "");
        String[] names = {"Ada", "Pat", "Jörg", "Zoë"};
        row[0] = "C" + number;
        row[1] = names[(int) (number % 4)];
        row[2] = number % 2 == 0 ? "O'Brien, Jr" : "Lovelace";
        row[8] = "+1555010" + (1000 + number);
        row[25] = "L" + number;
        return row;
    }

    @Override
    protected List<List<String>> readBack(WriteResult result) {
        return SFTP.readCsvRows(result);
    }

    @Override
    protected List<String> listTarget() {
        return SFTP.listUserFolder();
    }

    @Test
    void theLayoutHasTwentyNineColumnsInKouponMediasOrder() {
        assertThat(KouponMediaDestinationType.LAYOUT).hasSize(29).startsWith("ROW_ID", "FST_NAME", "LST_NAME", "ADDR_LINE_1",
                "ADDR_LINE_2", "CITY_NAME", "STATE_PROVINCE_CD", "POSTAL_CD", "CELLNAME", "CUSTOMFIELD1").endsWith("CUSTOMFIELD20");
        assertThat(new KouponMediaDestinationType().spec().template().requiredFields()).containsExactly("ROW_ID");
    }

    @Test
    void theHostDefaultsToKouponMedias() {
        assertThat(new KouponMediaDestinationType().spec().settings()).filteredOn(s -> s.name().equals("host"))
                .singleElement().satisfies(host -> {
                    assertThat(host.required()).isFalse();
                    assertThat(host.defaultValue()).isEqualTo("sftp.kouponmedia.com");
                });
    }
}
