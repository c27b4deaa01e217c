package dev.cohort.connector.kouponmedia;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.config.SettingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README documents every declared setting with its default: docs cannot drift from the code. */
class ReadmeTest {
    @Test
    void everySettingIsDocumentedWithItsDefault() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (SettingSpec setting : new KouponMediaDestinationType().spec().settings()) {
            String row = "| `" + setting.name() + "` | ";
            assertThat(readme).as("README row of " + setting.name()).contains(row);
            if (setting.defaultValue() != null) {
                assertThat(readme).as("README default of " + setting.name()).contains(row + "`" + setting.defaultValue() + "`");
            }
        }
    }
}
