package dev.cohort.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.engine.Column;
import dev.cohort.model.DataTemplate;
import dev.cohort.model.FieldSource;
import dev.cohort.model.Problem;
import dev.cohort.model.TemplateField;
import dev.cohort.model.Transform;
import dev.cohort.model.ValidationException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateEvaluatorTest {
    private static final List<Column> COLUMNS = List.of(
            new Column("customer_id", "BIGINT"), new Column("Email", "VARCHAR"), new Column("mobile", "VARCHAR"));

    @Test
    void mapsEachRowToItsFieldsInTemplateOrder() {
        TemplateEvaluator evaluator = TemplateEvaluator.compile(template(
                field("PHONE", new FieldSource.Column("mobile"), new Transform.Phone("US")),
                field("EMAIL", new FieldSource.Column("email"), new Transform.Email()),
                field("ID", new FieldSource.Column("CUSTOMER_ID"))), COLUMNS);
        String[] out = new String[3];

        Rejection rejection = evaluator.evaluate(row("42", " Ada@Example.com", "(650) 253-0000"), out);

        assertThat(rejection).isNull();
        assertThat(evaluator.fieldNames()).containsExactly("PHONE", "EMAIL", "ID");
        assertThat(out).containsExactly("+16502530000", "ada@example.com", "42");
    }

    @Test
    void aNullValueSkipsTheChainInsteadOfBeingRejected() {
        TemplateEvaluator evaluator = TemplateEvaluator.compile(template(
                field("PHONE", new FieldSource.Column("mobile"), new Transform.Phone("US"), new Transform.Sha256())), COLUMNS);
        String[] out = {"left over"};

        assertThat(evaluator.evaluate(row("1", null, null), out)).isNull();
        assertThat(out).containsExactly((String) null);
    }

    @Test
    void aRejectionNamesTheFirstFieldThatBrokeARuleAndTheRule() {
        TemplateEvaluator evaluator = TemplateEvaluator.compile(template(
                field("ID", new FieldSource.Column("customer_id")),
                field("CELLNAME", new FieldSource.Column("mobile"), new Transform.Phone("US")),
                field("EMAIL", new FieldSource.Column("email"), new Transform.Email())), COLUMNS);

        Rejection rejection = evaluator.evaluate(row("1", "not an address", "555-1234"), new String[3]);

        assertThat(rejection).isEqualTo(new Rejection("CELLNAME", "not a valid phone number for region US"));
        assertThat(rejection).hasToString("field CELLNAME: not a valid phone number for region US");
    }

    @Test
    void theNextRowAfterARejectionIsEvaluatedAfresh() {
        TemplateEvaluator evaluator = TemplateEvaluator.compile(template(
                field("EMAIL", new FieldSource.Column("email"), new Transform.Email(), new Transform.Sha256())), COLUMNS);
        String[] out = new String[1];

        assertThat(evaluator.evaluate(row("1", "nobody", null), out)).isNotNull();
        assertThat(evaluator.evaluate(row("2", "ada@example.com", null), out)).isNull();
        assertThat(out).containsExactly("b5fc85e55755f9e0d030a10ab4429b6b2944855f9a0d60077fe832becbc41d72");
    }

    @Test
    void constantsAreTransformedOnceAndBlanksAreEmpty() {
        TemplateEvaluator evaluator = TemplateEvaluator.compile(template(
                field("TIER", new FieldSource.Constant(" gold "), new Transform.Trim(), new Transform.UpperCase()),
                field("NOTES", new FieldSource.Blank()),
                field("NOTHING", new FieldSource.Constant(""), new Transform.Email())), COLUMNS);
        String[] out = new String[3];

        evaluator.evaluate(index -> {
            throw new AssertionError("constants read no column");
        }, out);

        assertThat(out).containsExactly("GOLD", "", null);
    }

    @Test
    void columnsMatchExactlyFirstThenIgnoringCase() {
        List<Column> columns = List.of(new Column("email", "VARCHAR"), new Column("EMAIL", "VARCHAR"));
        TemplateEvaluator evaluator = TemplateEvaluator.compile(template(
                field("A", new FieldSource.Column("EMAIL")), field("B", new FieldSource.Column("email"))), columns);
        String[] out = new String[2];

        evaluator.evaluate(index -> "column " + index, out);

        assertThat(out).containsExactly("column 1", "column 0");
    }

    @Test
    void refusesAnUnknownColumnWithASuggestion() {
        assertThatThrownBy(() -> TemplateEvaluator.compile(template(field("EMAIL", new FieldSource.Column("emial"))), COLUMNS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(problem -> {
                            assertThat(problem.code()).isEqualTo(TemplateChecks.UNKNOWN_COLUMN);
                            assertThat(problem.location().key()).isEqualTo("data_templates.t.fields[0].column");
                            assertThat(problem.message()).isEqualTo("field 'EMAIL': column 'emial' is not in the"
                                    + " query's output; did you mean 'Email'? (columns: customer_id, Email, mobile)");
                        }));
    }

    @Test
    void refusesAnExpressionWithoutAnEngineAndReportsEveryProblemAtOnce() {
        DataTemplate template = template(
                field("NAME", new FieldSource.Expression("first_name || ' ' || last_name")),
                field("PHONE", new FieldSource.Column("phone"), new Transform.Phone("UK")));

        assertThatThrownBy(() -> TemplateEvaluator.compile(template, COLUMNS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::code)
                        .containsExactlyInAnyOrder(TemplateChecks.EXPRESSION_NEEDS_ENGINE, TemplateChecks.UNKNOWN_REGION,
                                TemplateChecks.UNKNOWN_COLUMN));
    }

    static DataTemplate template(TemplateField... fields) {
        return new DataTemplate("t", null, null, List.of(fields));
    }

    static TemplateField field(String name, FieldSource source, Transform... transforms) {
        return new TemplateField(name, source, Arrays.asList(transforms));
    }

    private static RowValues row(String... values) {
        return index -> values[index];
    }
}
