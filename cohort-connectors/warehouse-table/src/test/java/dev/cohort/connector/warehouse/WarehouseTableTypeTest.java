package dev.cohort.connector.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.spi.config.ConfigException;
import dev.cohort.spi.config.ConfigProblem;
import dev.cohort.spi.config.SecretSpec;
import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.Capability;
import dev.cohort.spi.destination.DestinationSpec;
import dev.cohort.spi.destination.DestinationType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The declaration and the settings of {@code type: warehouse-table}, without a database. */
class WarehouseTableTypeTest {
    private static final WarehouseTableType TYPE = new WarehouseTableType();
    private static final String URL = "jdbc:postgresql://db.example.com:5432/analytics";
    private static final Map<String, String> CREDENTIAL = Map.of("username", "cohort_loader", "password", "pa55word!x");

    @Test
    void declaresItselfAsAWarehouseTableDestinationThatTakesDatabaseExports() {
        DestinationSpec spec = TYPE.spec();

        assertThat(spec.type()).isEqualTo("warehouse-table");
        assertThat(spec.displayName()).isEqualTo("Warehouse table");
        assertThat(spec.credentialType()).isEqualTo("warehouse");
        assertThat(spec.capabilities()).containsExactly(Capability.DATABASE_EXPORT);
        assertThat(spec.template().hasFixedLayout()).isFalse();
        assertThat(spec.settings()).extracting(SettingSpec::name).containsExactly("jdbc_url", "schema", "table", "mode", "batch_rows");
        assertThat(spec.settings()).extracting(SettingSpec::defaultValue).containsExactly(null, "public", "{object}", "replace", "10000");
        assertThat(spec.secrets()).extracting(SecretSpec::name, SecretSpec::required)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("username", true), org.assertj.core.groups.Tuple.tuple("password", false));
        assertThat(spec.retryPolicy().maxAttempts()).isEqualTo(3);
        assertThat(spec.retryPolicy().backoff(2)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(DestinationType.class).stream().map(ServiceLoader.Provider::type)).contains(WarehouseTableType.class);
    }

    @Test
    void configuresWithDefaultsAndNeverShowsTheCredential() {
        WarehouseTableConfig config = configure(Map.of("jdbc_url", URL), CREDENTIAL);

        assertThat(config.jdbcUrl().value()).isEqualTo(URL);
        assertThat(config.jdbcUrl().isPostgres()).isTrue();
        assertThat(config.schema()).isEqualTo("public");
        assertThat(config.table()).hasToString("{object}");
        assertThat(config.mode()).isEqualTo(WriteMode.REPLACE);
        assertThat(config.batchRows()).isEqualTo(10_000);
        assertThat(config.credentials().username()).isEqualTo("cohort_loader");
        assertThat(config.credentials().password()).isEqualTo("pa55word!x");
        assertThat(config.toString()).doesNotContain("pa55word!x").doesNotContain("cohort_loader")
                .contains("postgresql://db.example.com:5432/analytics");
    }

    @Test
    void takesEverySetting() {
        WarehouseTableConfig config = configure(Map.of("jdbc_url", URL + "?sslmode=require", "schema", "Marketing", "table",
                "cohort_{object}", "mode", "append", "batch_rows", 500), Map.of("username", "loader"));

        assertThat(config.schema()).isEqualTo("Marketing");
        assertThat(config.table().fixedName()).isEmpty();
        assertThat(config.mode()).isEqualTo(WriteMode.APPEND);
        assertThat(config.batchRows()).isEqualTo(500);
        assertThat(config.credentials().optionalPassword()).isEmpty();
        assertThat(config.jdbcUrl().describe()).isEqualTo("postgresql://db.example.com:5432/analytics");
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> configure(Map.of("jdbc_url", URL + "?user=loader&password=Hunter2Hunter2"), CREDENTIAL))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::field)
                        .containsExactly("jdbc_url", "jdbc_url"))
                .hasMessageContaining("must not hold a password (password=…): remove it and put it in the credential's password")
                .hasMessageContaining("must not hold the user name")
                .hasMessageNotContaining("Hunter2Hunter2");
        assertThatThrownBy(() -> configure(Map.of("jdbc_url", "jdbc:sqlserver://db:1433;databaseName=crm;Password=Hunter2"), CREDENTIAL))
                .hasMessageContaining("must not hold a password").hasMessageNotContaining("Hunter2");
    }

    @Test
    void aUrlOfADatabaseWithoutItsDriverSaysOnlyPostgreSqlShips() {
        assertThatThrownBy(() -> configure(Map.of("jdbc_url", "jdbc:mysql://db.example.com:3306/crm"), CREDENTIAL))
                .hasMessageContaining("jdbc_url: no JDBC driver on Cohort's class path takes jdbc:mysql: URLs")
                .hasMessageContaining("Cohort ships only the PostgreSQL driver");
    }

    @Test
    void everyBadSettingIsReportedAtOnceWithItsFix() {
        Map<String, Object> settings = new HashMap<>(Map.of("jdbc_url", "postgresql://db/analytics", "schema", " ", "table",
                "{objekt}_copy", "mode", "upsert", "batch_rows", 0, "batchrows", 5));

        assertThatThrownBy(() -> configure(settings, Map.of("password", "only-a-password")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::field)
                        .containsExactlyInAnyOrder("batchrows", "mode", "jdbc_url", "schema", "table", "batch_rows", "credential.username"))
                .hasMessageContaining("batchrows: unknown setting; did you mean 'batch_rows'?")
                .hasMessageContaining("mode: expected one of replace, append, not 'upsert'")
                .hasMessageContaining("jdbc_url: must be a JDBC URL starting with jdbc:, such as " + JdbcUrl.EXAMPLE)
                .hasMessageContaining("schema: must not be empty")
                .hasMessageContaining("table: unknown token {objekt}; did you mean {object}?")
                .hasMessageContaining("batch_rows: must be between 1 and 1000000, not 0")
                .hasMessageContaining("credential.username: is required")
                .hasMessageNotContaining("only-a-password");
    }

    @Test
    void aMissingUrlIsRequired() {
        assertThatThrownBy(() -> configure(Map.of(), CREDENTIAL)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).extracting(ConfigProblem::field).containsExactly("jdbc_url"))
                .hasMessageContaining("jdbc_url: is required");
    }

    @Test
    void tableNamesWithControlCharactersAreRefused() {
        assertThatThrownBy(() -> configure(Map.of("jdbc_url", URL, "table", "audience\nweekly"), CREDENTIAL))
                .hasMessageContaining("table: the table name must not hold control characters");
    }

    private static WarehouseTableConfig configure(Map<String, Object> settings, Map<String, String> secrets) {
        return TYPE.configure(new Settings(TYPE.spec().settings(), settings, secrets));
    }
}
