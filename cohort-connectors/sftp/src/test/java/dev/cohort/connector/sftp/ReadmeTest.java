package dev.cohort.connector.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.connector.files.SftpErrors;
import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.config.SettingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README documents every declared setting with its default, and every error code: docs cannot drift from the code. */
class ReadmeTest {
    private static final Path README = Path.of("README.md");

    @Test
    void everySettingIsDocumentedWithItsDefault() throws IOException {
        String readme = Files.readString(README);
        for (SettingSpec setting : new SftpDestinationType().spec().settings()) {
            String row = "| `" + setting.name() + "` | ";
            assertThat(readme).as("README row of " + setting.name()).contains(row);
            if (setting.defaultValue() != null) {
                assertThat(readme).as("README default of " + setting.name()).contains(row + "`" + setting.defaultValue() + "`");
            }
        }
    }

    @Test
    void everyErrorCodeIsDocumented() throws IOException {
        String readme = Files.readString(README);
        for (ErrorCode code : SftpErrors.all()) {
            assertThat(readme).contains("| `" + code.code() + "` | " + kind(code) + " |");
        }
    }

    private static String kind(ErrorCode code) {
        return switch (code.kind()) {
            case USER_ERROR -> "user";
            case EXTERNAL_TRANSIENT -> "retried";
            case EXTERNAL_PERMANENT -> "permanent";
            case INTERNAL -> "internal";
        };
    }
}
