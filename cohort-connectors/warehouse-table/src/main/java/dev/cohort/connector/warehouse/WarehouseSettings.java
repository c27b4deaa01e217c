package dev.cohort.connector.warehouse;

import dev.cohort.spi.config.SecretSpec;
import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.config.SettingType;
import dev.cohort.spi.config.Settings;
import java.util.List;

/**
 * The settings and credential values of {@code type: warehouse-table}, declared once, and their binding
 * into a {@link WarehouseTableConfig}: every problem is recorded in {@link Settings} at once.
 */
public final class WarehouseSettings {
    /** The credential type a warehouse destination's credential must have. */
    public static final String CREDENTIAL_TYPE = "warehouse";
    static final int MAX_BATCH_ROWS = 1_000_000;

    public static final SettingSpec JDBC_URL = SettingSpec.required("jdbc_url", SettingType.STRING,
            "The database's JDBC URL, such as " + JdbcUrl.EXAMPLE + "; without user or password, which come from the credential.");
    public static final SettingSpec SCHEMA = SettingSpec.optional("schema", SettingType.STRING, "public",
            "The schema the table is in; it must exist.");
    public static final SettingSpec TABLE = SettingSpec.optional("table", SettingType.STRING, "{object}",
            "The table's name, used exactly (quoted); {object} is the query's name, or the exported table's, and {orchestration}"
                    + " the orchestration's.");
    public static final SettingSpec MODE = SettingSpec.choice("mode", "replace",
            "replace: the table becomes the delivery's rows, swapped in at once; append: the rows are added in one transaction.",
            "replace", "append");
    public static final SettingSpec BATCH_ROWS = SettingSpec.optional("batch_rows", SettingType.INTEGER, "10000",
            "The most rows sent in one round trip: one COPY statement on PostgreSQL, one batch of INSERTs elsewhere.");

    public static final List<SettingSpec> SETTINGS = List.of(JDBC_URL, SCHEMA, TABLE, MODE, BATCH_ROWS);

    public static final SecretSpec USERNAME = new SecretSpec("username", true, "The database user to log in as.");
    public static final SecretSpec PASSWORD = new SecretSpec("password", false,
            "The user's password; leave it out when the server does not ask for one (trust, client certificates).");

    public static final List<SecretSpec> SECRETS = List.of(USERNAME, PASSWORD);

    private WarehouseSettings() {}

    /**
     * Reads settings and credential values and validates them.
     *
     * @throws dev.cohort.spi.config.ConfigException with every problem
     */
    public static WarehouseTableConfig bind(Settings settings) {
        String url = settings.optionalString(JDBC_URL.name()).map(String::strip).orElse("");
        if (!url.isEmpty()) {
            JdbcUrl.problems(url).forEach(problem -> settings.problem(JDBC_URL.name(), problem));
        }
        String schema = settings.optionalString(SCHEMA.name()).map(String::strip).orElse("");
        Identifiers.problem(schema, "schema").ifPresent(problem -> settings.problem(SCHEMA.name(), problem));
        TableNameTemplate table = table(settings);
        WriteMode mode = settings.choice(MODE.name(), WriteMode.class);
        int batchRows = settings.integer(BATCH_ROWS.name());
        if (batchRows < 1 || batchRows > MAX_BATCH_ROWS) {
            settings.problem(BATCH_ROWS.name(), "must be between 1 and " + MAX_BATCH_ROWS + ", not " + batchRows);
        }
        String username = settings.secret(USERNAME.name()).map(String::strip).orElse(null);
        if (username == null) {
            settings.problem("credential." + USERNAME.name(), "is required: the credential (type: " + CREDENTIAL_TYPE
                    + ") must hold the database user's username, and its password unless the server asks for none");
        }
        settings.validate();
        return new WarehouseTableConfig(new JdbcUrl(url), schema, table, mode, batchRows,
                new WarehouseCredentials(username, settings.secret(PASSWORD.name()).orElse(null)));
    }

    private static TableNameTemplate table(Settings settings) {
        String text = settings.optionalString(TABLE.name()).map(String::strip).orElse("");
        try {
            TableNameTemplate template = TableNameTemplate.parse(text);
            template.fixedName().flatMap(name -> Identifiers.problem(name, "table name"))
                    .ifPresent(problem -> settings.problem(TABLE.name(), problem));
            return template;
        } catch (IllegalArgumentException e) {
            settings.problem(TABLE.name(), e.getMessage());
            return null;
        }
    }
}
