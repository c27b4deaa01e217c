package dev.cohort.connector.braze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.config.SecretSpec;
import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.event.LoyaltyEvent.Kind;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The reference page documents every declared setting with its default, the credential value, the default mapping
 * and every error code; the module's README names every setting.
 */
class DocsTest {
    private static final Path PAGE = Path.of("../../docs/connectors/braze.md");
    private static final Path README = Path.of("README.md");

    @Test
    void everySettingIsDocumentedWithItsDefault() throws IOException {
        String page = Files.readString(PAGE);
        String readme = Files.readString(README);
        for (SettingSpec setting : new BrazeMarketingPlatform().spec().settings()) {
            String row = "| `" + setting.name() + "` | ";
            assertThat(page).as("row of setting " + setting.name()).contains(row);
            String shown = setting.defaultValue() != null ? "`" + setting.defaultValue() + "`" : setting.required() ? "(required)" : "(none)";
            assertThat(page).as("default of setting " + setting.name()).contains(row + shown + " |");
            assertThat(readme).as("setting " + setting.name() + " in the README").contains("`" + setting.name() + "`");
        }
        for (SecretSpec secret : new BrazeMarketingPlatform().spec().secrets()) {
            assertThat(page).as("credential value " + secret.name()).contains("| `" + secret.name() + "` | ");
        }
    }

    @Test
    void theDefaultMappingIsDocumented() throws IOException {
        String page = Files.readString(PAGE);
        for (Kind kind : Kind.values()) {
            String name = BrazeMapping.DEFAULT_EVENT_NAMES.get(kind);
            assertThat(page).as("default of kind " + kind).contains("| `" + kind + "` | " + (name == null ? "(none)" : "`" + name + "`") + " |");
        }
        BrazeMapping.DEFAULT_ATTRIBUTES.forEach((fact, attribute) ->
                assertThat(page).as("attribute of " + fact.key()).contains("| `" + fact.key() + "` | `" + attribute + "` |"));
        for (LoyaltyFact fact : LoyaltyFact.values()) {
            assertThat(page).as("property " + fact.key()).contains("| `" + fact.key() + "` |");
        }
    }

    @Test
    void everyErrorCodeIsDocumented() throws IOException, IllegalAccessException {
        String page = Files.readString(PAGE);
        for (Field field : BrazeErrors.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ErrorCode.class) {
                ErrorCode code = (ErrorCode) field.get(null);
                assertThat(page).as("error code " + code).contains("| `" + code.code() + "` | ");
            }
        }
    }

    @Test
    void theLimitsInTheDocsAreTheCodes() throws IOException {
        String page = Files.readString(PAGE);
        assertThat(page).contains("3,000 requests per 3 seconds").contains(String.format("%,d", EventMapper.MAX_PROPERTIES_BYTES))
                .contains(String.format("%,d", Batching.MAX_REQUEST_BYTES)).contains(BrazeMarketingPlatform.MAX_PACING_WAIT.toSeconds() + " s");
    }
}
