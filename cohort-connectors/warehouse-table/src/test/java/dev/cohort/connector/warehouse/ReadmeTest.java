package dev.cohort.connector.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.config.SecretSpec;
import dev.cohort.spi.config.SettingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README documents every declared setting with its default, every credential value and every error code: docs cannot drift from the code. */
class ReadmeTest {
    private static final Path README = Path.of("README.md");
    private static final Path DOCS_PAGE = Path.of("../../docs/connectors/warehouse-table.md");

    @Test
    void everySettingIsDocumentedWithItsDefault() throws IOException {
        for (Path page : new Path[] {README, DOCS_PAGE}) {
            String text = Files.readString(page);
            for (SettingSpec setting : new WarehouseTableType().spec().settings()) {
                String row = "| `" + setting.name() + "` | ";
                assertThat(text).as(page + ": row of " + setting.name()).contains(row);
                if (setting.defaultValue() != null) {
                    assertThat(text).as(page + ": default of " + setting.name()).contains(row + "`" + setting.defaultValue() + "`");
                }
            }
        }
    }

    @Test
    void everyCredentialValueIsDocumented() throws IOException {
        for (Path page : new Path[] {README, DOCS_PAGE}) {
            String text = Files.readString(page);
            assertThat(text).contains("type: " + WarehouseSettings.CREDENTIAL_TYPE);
            for (SecretSpec secret : new WarehouseTableType().spec().secrets()) {
                assertThat(text).as(page + ": credential value " + secret.name()).contains("`" + secret.name() + "`");
            }
        }
    }

    @Test
    void everyErrorCodeIsDocumented() throws IOException {
        String readme = Files.readString(README);
        for (ErrorCode code : WarehouseErrors.all()) {
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
