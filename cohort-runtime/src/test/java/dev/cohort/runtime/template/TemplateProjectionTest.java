package dev.cohort.runtime.template;

import static dev.cohort.runtime.template.TemplateEvaluatorTest.field;
import static dev.cohort.runtime.template.TemplateEvaluatorTest.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.engine.Column;
import dev.cohort.engine.SqlDialect;
import dev.cohort.engine.duckdb.DuckDbDialect;
import dev.cohort.model.DataTemplate;
import dev.cohort.model.FieldSource;
import dev.cohort.model.Transform;
import dev.cohort.model.ValidationException;
import dev.cohort.runtime.template.TemplateProjection.ProjectedField;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateProjectionTest {
    private static final List<Column> COLUMNS = List.of(
            new Column("id", "BIGINT"), new Column("Email", "VARCHAR"), new Column("joined", "DATE"));
    private static final String TRIM = "trim(q.\"Email\", " + DuckDbDialect.INSTANCE.quoteLiteral(Transform.Trim.CHARACTERS) + ")";

    @Test
    void writesOneSelectOverTheQuery() {
        DataTemplate template = template(
                field("ID", new FieldSource.Column("ID")),
                field("JOINED", new FieldSource.Column("joined")),
                field("NAME", new FieldSource.Expression("upper(first_name)")),
                field("SOURCE", new FieldSource.Constant("O'Brien's shop")),
                field("NOTES", new FieldSource.Blank()),
                field("Say \"hi\"", new FieldSource.Constant(" "), new Transform.Email()));

        TemplateProjection projection = TemplateProjection.compile(template, "SELECT * FROM customers;\n",
                COLUMNS, DuckDbDialect.INSTANCE);

        assertThat(projection.sql()).isEqualTo("""
                SELECT
                  CAST(q."id" AS VARCHAR) AS "ID",
                  CAST(q."joined" AS VARCHAR) AS "JOINED",
                  CAST((upper(first_name)) AS VARCHAR) AS "NAME",
                  'O''Brien''s shop' AS "SOURCE",
                  '' AS "NOTES",
                  CAST(NULL AS VARCHAR) AS "Say ""hi""\"
                FROM (
                SELECT * FROM customers
                ) AS q""");
        assertThat(projection.needsEvaluator()).isFalse();
        assertThat(projection.fieldNames()).containsExactly("ID", "JOINED", "NAME", "SOURCE", "NOTES", "Say \"hi\"");
    }

    @Test
    void pushesTheLeadingTransformsTheEngineCanDoExactly() {
        DataTemplate template = template(
                field("HASHED", new FieldSource.Column("email"), new Transform.Trim(), new Transform.Sha256()),
                field("NORMALISED", new FieldSource.Column("email"), new Transform.Trim(), new Transform.LowerCase(),
                        new Transform.Sha256()),
                field("CHECKED", new FieldSource.Column("email"), new Transform.Email(), new Transform.Sha256()));

        TemplateProjection projection = TemplateProjection.compile(template, "SELECT * FROM customers", COLUMNS,
                DuckDbDialect.INSTANCE);

        assertThat(projection.fields()).containsExactly(
                new ProjectedField("HASHED", "sha256(" + TRIM + ")", List.of()),
                new ProjectedField("NORMALISED", TRIM, List.of(new Transform.LowerCase(), new Transform.Sha256())),
                new ProjectedField("CHECKED", "q.\"Email\"", List.of(new Transform.Email(), new Transform.Sha256())));
        assertThat(projection.needsEvaluator()).isTrue();
    }

    @Test
    void anEngineThatCanDoNoTransformLeavesThemAllToJava() {
        DataTemplate template = template(
                field("EMAIL", new FieldSource.Column("email"), new Transform.Trim(), new Transform.Email()),
                field("TIER", new FieldSource.Constant("gold"), new Transform.UpperCase()));

        TemplateProjection projection = TemplateProjection.compile(template, "SELECT * FROM customers", COLUMNS,
                new BacktickDialect());
        String[] out = new String[2];
        Rejection rejection = projection.newEvaluator().evaluate(index -> index == 0 ? " Ada@Example.com " : "GOLD", out);

        assertThat(projection.sql()).startsWith("SELECT\n  `Email` AS `EMAIL`,\n  \"GOLD\" AS `TIER`\n");
        assertThat(rejection).isNull();
        assertThat(out).containsExactly("ada@example.com", "GOLD");
    }

    @Test
    void anExpressionEndingInALineCommentKeepsItsParenthesis() {
        DataTemplate template = template(field("N", new FieldSource.Expression("id + 1 -- next")));

        String sql = TemplateProjection.compile(template, "SELECT 1 AS id", COLUMNS, DuckDbDialect.INSTANCE).sql();

        assertThat(sql).contains("CAST((id + 1 -- next\n) AS VARCHAR) AS \"N\"");
    }

    @Test
    void refusesATemplateWithProblems() {
        DataTemplate template = template(field("EMAIL", new FieldSource.Column("e_mail")));

        assertThatThrownBy(() -> TemplateProjection.compile(template, "SELECT 1", COLUMNS, DuckDbDialect.INSTANCE))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("column 'e_mail' is not in the query's output; did you mean 'Email'?");
    }

    /** A made-up dialect that runs no transform and quotes differently, to show nothing assumes DuckDB. */
    private static final class BacktickDialect implements SqlDialect {
        @Override
        public String quoteIdentifier(String identifier) {
            return '`' + identifier.replace("`", "``") + '`';
        }

        @Override
        public String quoteLiteral(String text) {
            return '"' + text.replace("\"", "\\\"") + '"';
        }

        @Override
        public String toText(String expression, String type) {
            return expression.startsWith("q.") ? expression.substring(2) : expression;
        }

        @Override
        public Optional<String> transform(Transform transform, String expression) {
            return Optional.empty();
        }
    }
}
