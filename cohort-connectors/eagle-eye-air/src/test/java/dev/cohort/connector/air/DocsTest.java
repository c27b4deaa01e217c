package dev.cohort.connector.air;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.config.SecretSpec;
import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.destination.DestinationSpec;
import dev.cohort.spi.event.NotificationRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module's README and the reference page document every declared setting with its default — the platform's and
 * the {@code eagle-eye-air-trigger} destination's, in its own section —, every credential value, every error code
 * with its kind and every AIR event type with its kind: docs cannot drift from the code.
 */
class DocsTest {
    private static final AirLoyaltyPlatform PLATFORM = new AirLoyaltyPlatform();
    private static final AirTriggerDestinationType DESTINATION = new AirTriggerDestinationType();

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "../../docs/connectors/eagle-eye-air.md"})
    void everySettingIsDocumentedWithItsDefault(String page) throws IOException {
        String text = Files.readString(Path.of(page));
        for (SettingSpec setting : PLATFORM.spec().settings()) {
            String row = "| `" + setting.name() + "` | ";
            String shown = setting.defaultValue() != null ? "`" + setting.defaultValue() + "`" : setting.required() ? "(required)" : "(none)";
            assertThat(text).as(page + ": row of setting " + setting.name()).contains(row + shown + " |");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "../../docs/connectors/eagle-eye-air.md"})
    void theCredentialIsDocumented(String page) throws IOException {
        String text = Files.readString(Path.of(page));
        assertThat(text).contains("type: " + AirSettings.CREDENTIAL_TYPE);
        for (SecretSpec secret : PLATFORM.spec().secrets()) {
            assertThat(text).as(page + ": credential value " + secret.name()).contains("`" + secret.name() + "`");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "../../docs/connectors/eagle-eye-air.md"})
    void everyErrorCodeIsDocumentedWithItsKind(String page) throws IOException {
        String text = Files.readString(Path.of(page));
        List<ErrorCode> codes = new ArrayList<>(AirErrors.all());
        codes.add(NotificationRejectedException.CODE);
        for (ErrorCode code : codes) {
            assertThat(text).as(page + ": error code " + code).contains("| `" + code.code() + "` | " + kind(code) + " |");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "../../docs/connectors/eagle-eye-air.md"})
    void everyEventTypeIsDocumentedWithItsKind(String page) throws IOException {
        String text = Files.readString(Path.of(page));
        for (AirEventType type : AirEventType.values()) {
            assertThat(text).as(page + ": event " + type.eventName()).contains("| `" + type.eventName() + "` | `" + type.kind() + "`");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "../../docs/connectors/eagle-eye-air.md"})
    void theTriggerDestinationIsDocumentedWithEverySettingAndItsDefault(String page) throws IOException {
        String section = destinationSection(Files.readString(Path.of(page)));
        DestinationSpec spec = DESTINATION.spec();
        assertThat(section).as(page + ": the destination's section").contains("`" + spec.type() + "`", spec.displayName(),
                "type: " + spec.credentialType());
        for (SettingSpec setting : spec.settings()) {
            String row = "| `" + setting.name() + "` | ";
            String shown = setting.defaultValue() != null ? "`" + setting.defaultValue() + "`" : setting.required() ? "(required)" : "(none)";
            assertThat(section).as(page + ": row of destination setting " + setting.name()).contains(row + shown + " |");
        }
        for (String field : spec.template().layout()) {
            assertThat(section).as(page + ": template field " + field).contains("`" + field + "`");
        }
        assertThat(section).as(page + ": the test suffix").contains(AirTriggerSettings.TEST_SUFFIX);
    }

    /** From the heading "## Destination `eagle-eye-air-trigger`…" to the next second-level heading. */
    private static String destinationSection(String text) {
        String heading = "\n## Destination `" + AirTriggerDestinationType.TYPE + "`";
        int start = text.indexOf(heading);
        assertThat(start).as("a section starting with '" + heading + "'").isNotNegative();
        int end = text.indexOf("\n## ", start + heading.length());
        return end < 0 ? text.substring(start) : text.substring(start, end);
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
