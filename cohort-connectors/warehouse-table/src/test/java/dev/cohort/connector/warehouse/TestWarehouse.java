package dev.cohort.connector.warehouse;

import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.testing.postgres.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test's view of its PostgreSQL database: the destination's settings and credential for it (the test
 * URL's user and password moved into the credential, as the connector requires) and an administrator's
 * connection to look at and prepare tables from outside the delivery.
 */
final class TestWarehouse {
    static final WarehouseTableType TYPE = new WarehouseTableType();
    private static final Pattern PARAMETER = Pattern.compile("[?&](user|password)=([^&]*)");

    private final PostgresTestDatabase database;

    TestWarehouse(PostgresTestDatabase database) {
        this.database = database;
    }

    /** The database's URL without user or password. */
    String jdbcUrl() {
        return database.jdbcUrl().replaceFirst("\\?.*$", "");
    }

    Map<String, Object> settings(Object... extra) {
        Map<String, Object> settings = new HashMap<>(Map.of("jdbc_url", jdbcUrl()));
        for (int i = 0; i < extra.length; i += 2) {
            settings.put((String) extra[i], extra[i + 1]);
        }
        return settings;
    }

    /** The credential of the test server's user. */
    Map<String, String> secrets() {
        Map<String, String> secrets = new HashMap<>(Map.of("username", "postgres"));
        Matcher parameter = PARAMETER.matcher(database.jdbcUrl());
        while (parameter.find()) {
            secrets.put(parameter.group(1).equals("user") ? "username" : "password", parameter.group(2));
        }
        return secrets;
    }

    WarehouseTableConfig config(Object... extra) {
        return TYPE.configure(new Settings(TYPE.spec().settings(), settings(extra), secrets()));
    }

    WarehouseTableConfig configAs(String username, Object... extra) {
        Map<String, String> secrets = new HashMap<>(secrets());
        secrets.put("username", username);
        secrets.remove("password");
        return TYPE.configure(new Settings(TYPE.spec().settings(), settings(extra), secrets));
    }

    static WriteContext testContext(String objectName, String... fields) {
        return new WriteContext("run-" + UUID.randomUUID(), "nightly", objectName, Instant.parse("2024-03-01T10:00:00Z"),
                ZoneOffset.UTC, true, List.of(fields));
    }

    /** A context whose fields have the engine types {@code fieldsAndTypes} = name, type, name, type, …. */
    static WriteContext typedContext(String objectName, String... fieldsAndTypes) {
        List<String> fields = new java.util.ArrayList<>();
        List<String> types = new java.util.ArrayList<>();
        for (int i = 0; i < fieldsAndTypes.length; i += 2) {
            fields.add(fieldsAndTypes[i]);
            types.add(fieldsAndTypes[i + 1]);
        }
        return new WriteContext("run-" + UUID.randomUUID(), "nightly", objectName, Instant.parse("2024-03-01T10:00:00Z"),
                ZoneOffset.UTC, false, fields, null, null, null, types);
    }

    static WriteContext context(String objectName, String... fields) {
        return new WriteContext("run-" + UUID.randomUUID(), "nightly", objectName, Instant.parse("2024-03-01T10:00:00Z"), ZoneOffset.UTC,
                false, List.of(fields));
    }

    /** A connection of its own, as a reader or administrator would have (auto-commit). */
    Connection connect() {
        try {
            return DriverManager.getConnection(database.jdbcUrl());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of {@code sql}, each value as text (null stays null). */
    List<List<String>> rows(String sql) {
        try (Connection connection = connect()) {
            return rows(connection, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<List<String>> rows(Connection connection, String sql) {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int width = result.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= width; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The table's rows in the order they were written (a fresh table's physical order). */
    List<List<String>> tableRows(String table) {
        return rows("SELECT * FROM public.\"" + table + "\" ORDER BY ctid");
    }

    /** Every table, view and sequence a reader can see, in any schema but the system's. */
    List<String> relations() {
        return rows("""
                SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1""").stream().map(row -> row.get(0)).toList();
    }

    /** "name type" for each column of public.{@code table}, in order. */
    List<String> columns(String table) {
        return rows("SELECT column_name || ' ' || data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '"
                + table + "' ORDER BY ordinal_position").stream().map(row -> row.get(0)).toList();
    }
}
