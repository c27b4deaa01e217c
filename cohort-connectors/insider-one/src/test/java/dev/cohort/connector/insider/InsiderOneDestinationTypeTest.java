package dev.cohort.connector.insider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cohort.spi.ErrorKind;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.DestinationSpec;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.PartnerReport;
import dev.cohort.spi.destination.RateLimit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The type's declarations, the field check made when an orchestration is saved, and reading Insider's reports. */
class InsiderOneDestinationTypeTest {
    private static final InsiderOneDestinationType TYPE = new InsiderOneDestinationType();

    private static InsiderOneConfig config(Object... pairs) {
        Map<String, Object> settings = new HashMap<>(Map.of("segment_name", "vip", "attribute", "email"));
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put((String) pairs[i], pairs[i + 1]);
        }
        return TYPE.configure(new Settings(TYPE.spec().settings(), settings, Map.of("partner_name", "mybrand", "api_token", "t0ken-t0ken")));
    }

    @Test
    void declaresInsidersRateLimitRetriesAndOneField() {
        DestinationSpec spec = TYPE.spec();
        assertThat(spec.type()).isEqualTo("insider-one");
        assertThat(spec.displayName()).isEqualTo("Insider One");
        assertThat(spec.credentialType()).isEqualTo("insider-one");
        assertThat(spec.secrets()).extracting(s -> s.name() + (s.required() ? "" : "?")).containsExactly("partner_name", "api_token");
        assertThat(spec.rateLimit()).isEqualTo(RateLimit.perSecond(100));
        assertThat(spec.retryPolicy().maxAttempts()).isEqualTo(5);
        assertThat(spec.retryPolicy().backoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(spec.retryPolicy().backoff(5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(spec.retryPolicy().backoff(20)).isEqualTo(Duration.ofSeconds(60));
        assertThat(spec.template().maxFields()).isEqualTo(1);
    }

    @Test
    void oneFieldNamedAsTheAttributeIsWhatASegmentTakes() {
        assertThat(TYPE.checkFields(config(), List.of("email"))).isEmpty();
        assertThat(TYPE.checkFields(config(), List.of("EMAIL"))).as("names compare ignoring case, as SQL's do").isEmpty();
        assertThat(TYPE.checkFields(config("attribute", "phone_number"), List.of("phone_number"))).isEmpty();
    }

    @Test
    void otherFieldsAreRefusedSayingWhatTheQueryOutputsAndWhatIsNeeded() {
        assertThat(TYPE.checkFields(config(), List.of("email", "first_name"))).containsExactly("Insider One segments take exactly one"
                + " column named email (the attribute); this query outputs 2: email, first_name — select only email, or map one field"
                + " named email in a data template");
        assertThat(TYPE.checkFields(config(), List.of("mail"))).containsExactly("Insider One segments take exactly one column named"
                + " email (the attribute); this query outputs 1: mail — rename it (SELECT mail AS email), or map one field named email in"
                + " a data template");
        assertThat(TYPE.checkFields(config("attribute", "phone_number"), List.of("customer_id", "mobile"))).containsExactly(
                "Insider One segments take exactly one column named phone_number (the attribute); this query outputs 2: customer_id,"
                        + " mobile — select only the column holding the phone number values, named phone_number, or map one field named"
                        + " phone_number in a data template");
        assertThat(TYPE.checkFields(config(), List.of())).singleElement().asString().contains("this query outputs none");
    }

    @Test
    void theSegmentIsExclusiveToOneOrchestrationPerCredential() {
        assertThat(TYPE.exclusiveKey(config("segment_name", "Gold members"))).contains("segment 'Gold members'");
    }

    @Test
    void aCompletedReportGivesInsidersCounts() {
        assertThat(read(config(), "{\"segment_name\":\"vip\",\"status\":\"completed\",\"valid_count\":980,\"invalid_count\":20}"))
                .isEqualTo(PartnerReport.completed(980, 20));
        assertThat(read(config(), "{\"status\":\"COMPLETED\",\"valid_count\":\"7\",\"invalid_count\":0}"))
                .as("the segment name may be left out; counts may be numeric strings").isEqualTo(PartnerReport.completed(7, 0));
    }

    @Test
    void aFailedReportGivesInsidersReason() {
        assertThat(read(config(), "{\"segment_name\":\"vip\",\"status\":\"failed\",\"valid_count\":0,\"invalid_count\":0,"
                + "\"reason\":\"the file URL http://files.example.com/vip.csv?… answered HTTP 404\"}")).isEqualTo(PartnerReport.failed(
                "Insider One could not process segment 'vip': the file URL http://files.example.com/vip.csv?… answered HTTP 404"));
        assertThat(read(config(), "{\"status\":\"failed\"}").message()).isEqualTo("Insider One could not process segment 'vip' (it gave no reason)");
    }

    @Test
    void reportsAreReadWithTheConfiguredFieldNames() {
        InsiderOneConfig renamed = config("callback_field_status", "state", "callback_field_valid_count", "valid",
                "callback_field_invalid_count", "invalid", "callback_field_segment_name", "segment");
        assertThat(read(renamed, "{\"segment\":\"vip\",\"state\":\"completed\",\"valid\":3,\"invalid\":1}"))
                .isEqualTo(PartnerReport.completed(3, 1));
    }

    @Test
    void aBodyThatIsNotAReportIsACallbackInvalidNamingTheField() {
        assertInvalid(config(), "not json", "Insider One's report is not valid: the body is not valid JSON");
        assertInvalid(config(), "[1,2]", "Insider One's report is not valid: the body is not a JSON object");
        assertInvalid(config(), "{\"state\":\"completed\",\"valid_count\":1,\"invalid_count\":0}", "Insider One's report is not valid:"
                + " the field `status` (callback_field_status) is missing (the report has the fields state, valid_count, invalid_count);"
                + " if Insider One names it otherwise, set callback_field_status");
        assertInvalid(config(), "{\"status\":\"completed\",\"valid\":1,\"invalid_count\":0}",
                "the field `valid_count` (callback_field_valid_count) is missing");
        assertInvalid(config(), "{\"status\":\"completed\",\"valid_count\":-1,\"invalid_count\":0}",
                "the field `valid_count` (callback_field_valid_count) is not a count");
        assertInvalid(config(), "{\"status\":\"completed\",\"valid_count\":1.5,\"invalid_count\":0}",
                "the field `valid_count` (callback_field_valid_count) is not a count");
        assertInvalid(config(), "{\"status\":\"processing\"}", "the field `status` (callback_field_status) is 'processing', not"
                + " completed or failed");
        assertInvalid(config(), "{\"segment_name\":\"other\",\"status\":\"completed\",\"valid_count\":1,\"invalid_count\":0}",
                "the field `segment_name` (callback_field_segment_name) names another segment than this run's 'vip'");
        assertInvalid(config(), "{\"status\":\"completed\",\"status\":\"failed\"}", "the body is not valid JSON (Duplicate");
    }

    private static PartnerReport read(InsiderOneConfig config, String body) {
        return TYPE.readReport(config, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalid(InsiderOneConfig config, String body, String message) {
        PartnerException failure = catchThrowableOfType(PartnerException.class, () -> read(config, body));
        assertThat(failure).as("refused: %s", body).isNotNull();
        assertThat(failure.errorCode()).isEqualTo(InsiderErrors.CALLBACK_INVALID);
        assertThat(failure.kind()).isEqualTo(ErrorKind.USER_ERROR);
        assertThat(failure.getMessage()).contains(message);
    }
}
