package dev.cohort.runtime.template;

import static dev.cohort.runtime.template.TemplateEvaluatorTest.field;
import static dev.cohort.runtime.template.TemplateEvaluatorTest.template;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.engine.Column;
import dev.cohort.engine.duckdb.DuckDbDialect;
import dev.cohort.model.DataTemplate;
import dev.cohort.model.FieldSource;
import dev.cohort.model.Transform;
import dev.cohort.runtime.template.NormalisationVectors.Vector;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential tests: a template run as its projection on DuckDB plus the Java evaluator for the rest
 * must give exactly what the all-Java evaluator gives, for every transform DuckDB is trusted with.
 */
class TemplateProjectionDuckDbIT {
    private static final List<Column> INPUT_COLUMNS = List.of(new Column("id", "INTEGER"), new Column("value", "VARCHAR"));
    private static Connection duckdb;

    /** What {@link #oneField} makes of one row: the VALUE field, or why the row was rejected. */
    private record Outcome(String value, String rejection) {}

    @BeforeAll
    static void openDuckDb() throws SQLException {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void closeDuckDb() throws SQLException {
        duckdb.close();
    }

    @Test
    void everyChainOfTheDocumentGivesTheSameOutcomeOnEveryInputWithAndWithoutDuckDb() throws SQLException {
        List<Vector> vectors = NormalisationVectors.load();
        Map<Integer, String> inputs = new LinkedHashMap<>();
        vectors.forEach(vector -> inputs.put(vector.number(), vector.input()));
        load("vector_inputs", inputs);
        Map<String, List<Transform>> chains = new LinkedHashMap<>();
        vectors.forEach(vector -> chains.putIfAbsent(vector.transformsText(), vector.transforms()));

        for (Map.Entry<String, List<Transform>> chain : chains.entrySet()) {
            Map<Integer, Outcome> viaDuckDb = runOnDuckDb(chain.getValue(), "SELECT id, value FROM vector_inputs");
            TemplateEvaluator javaOnly = TemplateEvaluator.compile(oneField(chain.getValue()), INPUT_COLUMNS);
            for (Map.Entry<Integer, String> input : inputs.entrySet()) {
                assertThat(viaDuckDb.get(input.getKey()))
                        .as("%s on the input of vector #%d", chain.getKey(), input.getKey())
                        .isEqualTo(evaluate(javaOnly, input.getKey(), input.getValue()));
            }
        }
        for (Vector vector : vectors) {
            Outcome expected = vector.rejected() ? new Outcome(null, vector.rejection()) : new Outcome(vector.output(), null);
            assertThat(runOnDuckDb(vector.transforms(), "SELECT id, value FROM vector_inputs WHERE id = " + vector.number()))
                    .as("vector %s", vector).containsExactly(Map.entry(vector.number(), expected));
        }
    }

    @Test
    void duckDbTrimsExactlyTheCharactersJavaTrimsAtEitherEnd() throws SQLException {
        List<Transform> trim = List.of(new Transform.Trim());
        String everyCodePoint = """
                SELECT cp AS id, c || 'x' || c || c AS value
                FROM (SELECT cp, chr(CAST(cp AS INTEGER)) AS c FROM range(1, 1114112) AS codes(cp)
                      WHERE cp < 55296 OR cp > 57343)""";
        TemplateProjection projection = TemplateProjection.compile(oneField(trim), everyCodePoint,
                List.of(new Column("id", "BIGINT"), new Column("value", "VARCHAR")), DuckDbDialect.INSTANCE);

        assertThat(projection.needsEvaluator()).isFalse();
        int compared = 0;
        try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(projection.sql())) {
            while (rows.next()) {
                String character = Character.toString(Integer.parseInt(rows.getString(1)));
                assertThat(rows.getString(2)).as("U+%04X", character.codePointAt(0))
                        .isEqualTo(Transforms.trim(character + "x" + character + character));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(0x10FFFF - 0x800);
    }

    @Test
    void duckDbHashesWhatJavaHashes() throws SQLException {
        Random random = new Random(20240601);
        Map<Integer, String> inputs = new LinkedHashMap<>();
        inputs.put(0, null);
        inputs.put(1, "");
        for (int n = 2; n < 3000; n++) {
            inputs.put(n, randomText(random));
        }
        load("hash_inputs", inputs);
        List<Transform> sha256 = List.of(new Transform.Trim(), new Transform.Sha256());

        Map<Integer, Outcome> viaDuckDb = runOnDuckDb(sha256, "SELECT id, value FROM hash_inputs");

        assertThat(TemplateProjection.compile(oneField(sha256), "SELECT id, value FROM hash_inputs", INPUT_COLUMNS,
                DuckDbDialect.INSTANCE).needsEvaluator()).isFalse();
        inputs.forEach((n, input) -> assertThat(viaDuckDb.get(n)).as("input %d", n)
                .isEqualTo(new Outcome(Transforms.sha256(Transforms.trim(input)), null)));
    }

    @Test
    void aTemplateWithEveryKindOfSourceRunsOverARealQuery() throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("CREATE TABLE customers AS SELECT * FROM (VALUES"
                    + " (1, 'Ada', ' Ada@Example.com ', '(650) 253-0000', DATE '2024-01-02', 12.5),"
                    + " (2, 'Bob', NULL, '555-1234', DATE '2023-05-06', 0.0),"
                    + " (3, 'Cy', '', NULL, NULL, NULL))"
                    + " AS t(id, first_name, email, mobile, joined, spend)");
        }
        DataTemplate template = template(
                field("MEMBERID", new FieldSource.Column("ID"), new Transform.Uuid(Transform.UuidMode.NAME_BASED,
                        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))),
                field("GREETING", new FieldSource.Expression("'Hi ' || upper(first_name)")),
                field("EMAIL_SHA256", new FieldSource.Column("email"), new Transform.Email(), new Transform.Sha256()),
                field("CELLNAME", new FieldSource.Column("mobile"), new Transform.Phone("US")),
                field("JOINED", new FieldSource.Column("joined")),
                field("SPEND", new FieldSource.Column("spend")),
                field("PROGRAM", new FieldSource.Constant(" spring ")),
                field("NOTES", new FieldSource.Blank()));
        String query = "SELECT * FROM customers -- everyone\nORDER BY id;";
        List<Column> columns = List.of(new Column("id", "INTEGER"), new Column("first_name", "VARCHAR"),
                new Column("email", "VARCHAR"), new Column("mobile", "VARCHAR"), new Column("joined", "DATE"),
                new Column("spend", "DECIMAL(3,1)"));

        TemplateProjection projection = TemplateProjection.compile(template, query, columns, DuckDbDialect.INSTANCE);
        List<List<String>> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        TemplateEvaluator evaluator = projection.newEvaluator();
        try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(projection.sql())) {
            String[] out = new String[evaluator.fieldNames().size()];
            while (rows.next()) {
                Rejection rejection = evaluator.evaluate(values(rows), out);
                if (rejection == null) {
                    accepted.add(Arrays.stream(out).map(v -> v == null ? "NULL" : v).toList());
                } else {
                    rejected.add(rejection);
                }
            }
        }

        assertThat(accepted).containsExactly(
                List.of(Transforms.uuidFromName("1", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")), "Hi ADA",
                        "b5fc85e55755f9e0d030a10ab4429b6b2944855f9a0d60077fe832becbc41d72", "+16502530000",
                        "2024-01-02", "12.5", " spring ", ""),
                List.of(Transforms.uuidFromName("3", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")), "Hi CY",
                        "NULL", "NULL", "NULL", "NULL", " spring ", ""));
        assertThat(rejected).containsExactly(new Rejection("CELLNAME", "not a valid phone number for region US"));
    }

    /** A template over (id, value): ID as it is, then VALUE through {@code chain}. */
    private static DataTemplate oneField(List<Transform> chain) {
        return NormalisationVectorsTest.template(chain);
    }

    private static Map<Integer, Outcome> runOnDuckDb(List<Transform> chain, String query) throws SQLException {
        TemplateProjection projection = TemplateProjection.compile(oneField(chain), query, INPUT_COLUMNS,
                DuckDbDialect.INSTANCE);
        TemplateEvaluator evaluator = projection.newEvaluator();
        Map<Integer, Outcome> outcomes = new LinkedHashMap<>();
        try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(projection.sql())) {
            while (rows.next()) {
                outcomes.put(Integer.parseInt(rows.getString(1)), evaluate(evaluator, values(rows)));
            }
        }
        return outcomes;
    }

    private static Outcome evaluate(TemplateEvaluator evaluator, int n, String input) {
        return evaluate(evaluator, index -> index == 0 ? Integer.toString(n) : input);
    }

    private static Outcome evaluate(TemplateEvaluator evaluator, RowValues row) {
        String[] out = new String[2];
        Rejection rejection = evaluator.evaluate(row, out);
        return rejection == null ? new Outcome(out[1], null) : new Outcome(null, rejection.reason());
    }

    private static RowValues values(ResultSet rows) {
        return index -> {
            try {
                return rows.getString(index + 1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void load(String table, Map<Integer, String> values) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id INTEGER, value VARCHAR)");
        }
        try (PreparedStatement insert = duckdb.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
            for (Map.Entry<Integer, String> value : values.entrySet()) {
                insert.setInt(1, value.getKey());
                insert.setString(2, value.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Up to 40 characters from ASCII, Latin, white space, CJK and outside the BMP; no lone surrogates. */
    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            int codePoint = switch (random.nextInt(5)) {
                case 0 -> 0x20 + random.nextInt(0x5F);
                case 1 -> 0xA0 + random.nextInt(0x160);
                case 2 -> Transform.Trim.CHARACTERS.charAt(random.nextInt(Transform.Trim.CHARACTERS.length()));
                case 3 -> 0x4E00 + random.nextInt(0x5000);
                default -> 0x1F300 + random.nextInt(0x300);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }
}
