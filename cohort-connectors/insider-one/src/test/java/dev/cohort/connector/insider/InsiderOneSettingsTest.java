package dev.cohort.connector.insider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cohort.spi.config.ConfigException;
import dev.cohort.spi.config.ConfigProblem;
import dev.cohort.spi.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Binding settings and credential values: defaults, every problem at once, and no credential value in sight. */
class InsiderOneSettingsTest {
    private static final String TOKEN = "s3cr3t-token-value";
    private static final InsiderOneDestinationType TYPE = new InsiderOneDestinationType();

    private static Map<String, Object> settings(Object... pairs) {
        Map<String, Object> settings = new HashMap<>(Map.of("segment_name", "vip", "attribute", "email"));
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put((String) pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    private static InsiderOneConfig bind(Map<String, Object> settings, Map<String, String> secrets) {
        return TYPE.configure(new Settings(TYPE.spec().settings(), settings, secrets));
    }

    private static InsiderOneConfig bind(Map<String, Object> settings) {
        return bind(settings, Map.of("partner_name", " MyBrand ", "api_token", TOKEN));
    }

    private static ConfigException refused(Map<String, Object> settings, Map<String, String> secrets) {
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> bind(settings, secrets));
        assertThat(failure).as("configure must refuse %s", settings).isNotNull();
        assertThat(failure.getMessage()).doesNotContain(TOKEN);
        return failure;
    }

    private static ConfigException refused(Map<String, Object> settings) {
        return refused(settings, Map.of("partner_name", "mybrand", "api_token", TOKEN));
    }

    @Test
    void defaultsAreInsidersRealEndpointReplaceOneHourAndTheDocumentedFieldNames() {
        InsiderOneConfig config = bind(settings());
        assertThat(config.partnerName()).as("partner names are sent lower-case").isEqualTo("mybrand");
        assertThat(config.baseUrl()).isEqualTo(URI.create("https://contact.useinsider.com"));
        assertThat(config.uploadUrl()).isEqualTo(URI.create("https://contact.useinsider.com/fps/v1/upload"));
        assertThat(config.mode()).isEqualTo(SegmentMode.REPLACE);
        assertThat(config.attribute()).isEqualTo(SegmentAttribute.EMAIL);
        assertThat(config.timeout()).isEqualTo(Duration.ofHours(1));
        assertThat(config.defaultRegion()).isNull();
        assertThat(config.uploadFields()).isEqualTo(UploadFieldNames.DEFAULTS);
        assertThat(config.callbackFields()).isEqualTo(CallbackFieldNames.DEFAULTS);
        assertThat(config.segmentDownloadUrl()).isEqualTo(URI.create("https://contact.useinsider.com/fps/v1/segments/vip/download"));
        assertThat(config.toString()).doesNotContain(TOKEN).doesNotContain("mybrand");
    }

    @Test
    void everySettingIsRead() {
        InsiderOneConfig config = bind(settings("segment_name", "Gold members / TR", "attribute", "phone_number",
                "base_url", "http://127.0.0.1:8086/", "mode", "add", "default_region", "tr", "timeout", "60m",
                "upload_field_csv_url", "file_url", "upload_field_mode", "", "callback_field_valid_count", "valid",
                "segment_download_path", "/export/{segment_name}.csv"));
        assertThat(config.attribute()).isEqualTo(SegmentAttribute.PHONE_NUMBER);
        assertThat(config.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8086"));
        assertThat(config.mode()).isEqualTo(SegmentMode.ADD);
        assertThat(config.defaultRegion()).isEqualTo("TR");
        assertThat(config.timeout()).isEqualTo(Duration.ofMinutes(60));
        assertThat(config.uploadFields()).isEqualTo(new UploadFieldNames("segment_name", "attribute", "file_url", "callback_url", ""));
        assertThat(config.uploadFields().sendsMode()).isFalse();
        assertThat(config.callbackFields().validCount()).isEqualTo("valid");
        assertThat(config.segmentDownloadUrl()).isEqualTo(URI.create("http://127.0.0.1:8086/export/Gold%20members%20%2F%20TR.csv"));
        assertThat(bind(settings("timeout", "PT2H")).timeout()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aSegmentNameOfMoreThan40CharactersIsRefused() {
        assertThat(bind(settings("segment_name", "s".repeat(40))).segmentName()).hasSize(40);
        assertThat(bind(settings("segment_name", "é".repeat(40))).segmentName()).as("characters, not bytes").hasSize(40);
        assertThat(refused(settings("segment_name", "s".repeat(41))).problems())
                .containsExactly(new ConfigProblem("segment_name", "is 41 characters long; Insider One takes at most 40: shorten it"));
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("segment_name", "", "must not be empty"),
                Arguments.of("segment_name", " vip", "starts or ends with white space"),
                Arguments.of("segment_name", "a\tb", "contains a control character"),
                Arguments.of("attribute", "customer_id", "expected one of email, phone_number, uuid, not 'customer_id'"),
                Arguments.of("attribute", "Email", "expected one of email, phone_number, uuid"),
                Arguments.of("mode", "append", "expected one of replace, add, remove"),
                Arguments.of("base_url", "ftp://insider", "must start with https:// (or http:// for a local sandbox)"),
                Arguments.of("base_url", "contact.useinsider.com", "must start with https://"),
                Arguments.of("base_url", "https://", "is not a URL"),
                Arguments.of("base_url", "https://u:p@contact.useinsider.com", "must not hold a user name or password"),
                Arguments.of("base_url", "https://contact.useinsider.com?x=1", "must not have a query"),
                Arguments.of("default_region", "UK", "'UK' is not an ISO 3166 region code libphonenumber knows (the United Kingdom is GB)"),
                Arguments.of("timeout", "soon", "expected a duration such as 30s, 5m or 2h, not 'soon'"),
                Arguments.of("timeout", "0s", "must be longer than zero"),
                Arguments.of("timeout", "2d", "must be at most 24h"),
                Arguments.of("upload_field_csv_url", " ", "must not be empty: give the JSON field name (default csv_url)"),
                Arguments.of("upload_field_csv_url", "segment_name", "'segment_name' is already the name of another field of the upload body"),
                Arguments.of("callback_field_reason", "status", "'status' is already the name of another field of the callback report"),
                Arguments.of("segment_download_path", "/fps/v1/segments/download", "must be a path starting with / that contains {segment_name}"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void aBadSettingIsNamedWithWhatIsWrong(String setting, String value, String problem) {
        ConfigException failure = refused(settings(setting, value));
        assertThat(failure.problems()).extracting(ConfigProblem::field).containsExactly(setting);
        assertThat(failure.problems().getFirst().message()).contains(problem);
    }

    @Test
    void anUnknownSettingGetsASuggestion() {
        assertThat(refused(settings("segmnt_name", "vip")).problems()).extracting(ConfigProblem::toString)
                .singleElement().asString().startsWith("segmnt_name: unknown setting; did you mean 'segment_name'?");
    }

    @Test
    void missingCredentialValuesAndSettingsAreReportedTogetherWithoutValues() {
        ConfigException failure = refused(Map.of("base_url", "ftp://x"), Map.of("api_token", "has a space " + TOKEN));
        assertThat(failure.problems()).extracting(ConfigProblem::field)
                .containsExactlyInAnyOrder("segment_name", "attribute", "base_url", "credential.partner_name", "credential.api_token");
        assertThat(failure.problems()).filteredOn(p -> p.field().equals("credential.api_token")).singleElement()
                .extracting(ConfigProblem::message).asString().contains("an HTTP header cannot carry");
    }
}
