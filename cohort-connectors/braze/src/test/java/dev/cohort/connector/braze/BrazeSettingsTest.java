package dev.cohort.connector.braze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cohort.spi.config.ConfigException;
import dev.cohort.spi.config.ConfigProblem;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrazeSettingsTest {
    private static final String ENDPOINT = "https://rest.iad-01.braze.com";

    static List<ConfigProblem> problems(Map<String, Object> values) {
        return problems(values, Map.of("api_key", Events.API_KEY));
    }

    static List<ConfigProblem> problems(Map<String, Object> values, Map<String, String> secrets) {
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> BrazeSettings.bind(Events.settings(values, secrets)));
        assertThat(failure).as("the settings must be refused").isNotNull();
        assertThat(failure.getMessage()).doesNotContain(Events.API_KEY);
        return failure.problems();
    }

    static Map<String, Object> with(Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        values.put("rest_endpoint", ENDPOINT);
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    @Test
    void anEndpointAndAKeyAreEnoughAndTheRestHasDefaults() {
        BrazeConfig config = BrazeSettings.bind(Events.settings(Map.of("rest_endpoint", ENDPOINT + "/")));

        assertThat(config.restEndpoint()).isEqualTo(URI.create(ENDPOINT));
        assertThat(config.usersTrackUrl()).isEqualTo(URI.create(ENDPOINT + "/users/track"));
        assertThat(config.apiKey()).isEqualTo(Events.API_KEY);
        assertThat(config.batchSize()).isEqualTo(75);
        assertThat(config.batchCounting()).isEqualTo(BatchCounting.COMBINED);
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.mapping()).isEqualTo(BrazeMapping.DEFAULTS);
        assertThat(config.purchaseProductId()).isNull();
        assertThat(config.updateExistingOnly()).isFalse();
    }

    @Test
    void theConfigNeverShowsTheApiKey() {
        BrazeConfig config = Events.config();

        assertThat(config.toString()).doesNotContain(Events.API_KEY).contains("apiKey=****").contains(ENDPOINT);
    }

    @Test
    void everySettingIsRead() {
        BrazeConfig config = Events.config("batch_size", 50L, "batch_counting", "per_array", "request_timeout", "10s",
                "purchase_product_id", "basket", "update_existing_only", true);

        assertThat(config.batchSize()).isEqualTo(50);
        assertThat(config.batchCounting()).isEqualTo(BatchCounting.PER_ARRAY);
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.purchaseProductId()).isEqualTo("basket");
        assertThat(config.updateExistingOnly()).isTrue();
    }

    @Test
    void missingEndpointAndKeyAreBothReported() {
        List<ConfigProblem> problems = problems(Map.of(), Map.of());

        assertThat(problems).extracting(ConfigProblem::field).containsExactlyInAnyOrder("rest_endpoint", "credential.api_key");
        assertThat(problems).filteredOn(p -> p.field().equals("credential.api_key")).singleElement()
                .extracting(ConfigProblem::message).asString().contains("users.track");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://rest.iad-01.braze.com | must start with https://",
        "https://dashboard-01.braze.com | dashboard",
        "https://rest.iad-01.braze.com/users/track | without it",
        "https://user:secret@rest.iad-01.braze.com | user name or password",
        "https://rest.iad-01.braze.com?x=1 | query",
        "rest.iad-01.braze.com | https://",
        "https://rest iad.braze.com | is not a URL",
    })
    void aWrongEndpointIsExplained(String endpoint, String expected) {
        List<ConfigProblem> problems = problems(with("rest_endpoint", endpoint));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("rest_endpoint");
            assertThat(problem.message()).contains(expected);
        });
    }

    @Test
    void plainHttpIsAcceptedForASandboxOnThisMachine() {
        assertThat(Events.configAt("http://127.0.0.1:8089").restEndpoint()).isEqualTo(URI.create("http://127.0.0.1:8089"));
        assertThat(Events.configAt("http://localhost:8089/").restEndpoint()).isEqualTo(URI.create("http://localhost:8089"));
        assertThat(Events.configAt("http://[::1]:8089").restEndpoint().getPort()).isEqualTo(8089);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 | combined | 1 to 75",
        "76 | combined | 1 to 75",
        "1 | combined | at least 2",
        "abc | combined | whole number",
    })
    void aWrongBatchSizeIsExplained(String size, String counting, String expected) {
        List<ConfigProblem> problems = problems(with("batch_size", size, "batch_counting", counting));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("batch_size");
            assertThat(problem.message()).contains(expected);
        });
    }

    @Test
    void combinedCountingNeedsRoomForAPurchaseWhenPurchasesAreSent() {
        assertThat(problems(with("batch_size", 2L, "purchase_product_id", "basket"))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("at least 3").contains("purchase"));
        assertThat(Events.config("batch_size", 1L, "batch_counting", "per_array").batchSize()).isEqualTo(1);
    }

    @Test
    void aWrongTimeoutIsExplained() {
        assertThat(problems(with("request_timeout", "0s"))).singleElement().satisfies(p -> assertThat(p.message()).contains("longer than zero"));
        assertThat(problems(with("request_timeout", "10m"))).singleElement().satisfies(p -> assertThat(p.message()).contains("at most 5m"));
        assertThat(problems(with("request_timeout", "soon"))).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("request_timeout"));
    }

    @Test
    void anApiKeyAHeaderCannotCarryIsRefusedWithoutShowingIt() {
        List<ConfigProblem> problems = problems(with(), Map.of("api_key", "abc def\n"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("credential.api_key");
            assertThat(problem.message()).contains("HTTP header").doesNotContain("abc def");
        });
    }

    @Test
    void aBadProductIdIsExplained() {
        assertThat(problems(with("purchase_product_id", "$basket"))).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("purchase_product_id");
            assertThat(problem.message()).contains("'$'");
        });
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<ConfigProblem> problems = problems(with("rest_endpoint", "http://rest.braze.com", "batch_size", 99L, "request_timeout", "0s",
                "event_names", "POINTS=Earned", "attributes", "points_awarded=points", "propertiess", "x=y"), Map.of());

        assertThat(problems).extracting(ConfigProblem::field).contains("rest_endpoint", "batch_size", "request_timeout", "event_names",
                "attributes", "propertiess", "credential.api_key");
        assertThat(problems).filteredOn(p -> p.field().equals("propertiess")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("did you mean 'properties'"));
    }
}
