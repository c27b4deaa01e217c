package dev.cohort.connector.insider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.config.SecretSpec;
import dev.cohort.spi.config.SettingSpec;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The reference page documents every declared setting with its default, every credential value and every error code. */
class DocsTest {
    private static final Path PAGE = Path.of("../../docs/connectors/insider-one.md");

    @Test
    void everySettingIsDocumentedWithItsDefault() throws IOException {
        String page = Files.readString(PAGE);
        for (SettingSpec setting : new InsiderOneDestinationType().spec().settings()) {
            String row = "| `" + setting.name() + "` | ";
            assertThat(page).as("row of setting " + setting.name()).contains(row);
            String shown = setting.defaultValue() != null ? "`" + setting.defaultValue() + "`" : setting.required() ? "(required)" : "(none)";
            assertThat(page).as("default of setting " + setting.name()).contains(row + shown + " |");
        }
        for (SecretSpec secret : new InsiderOneDestinationType().spec().secrets()) {
            assertThat(page).as("credential value " + secret.name()).contains("| `" + secret.name() + "` | ");
        }
    }

    @Test
    void everyErrorCodeIsDocumented() throws IOException, IllegalAccessException {
        String page = Files.readString(PAGE);
        for (Field field : InsiderErrors.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ErrorCode.class) {
                ErrorCode code = (ErrorCode) field.get(null);
                assertThat(page).as("error code " + code).contains("| `" + code.code() + "` | ");
            }
        }
    }
}
