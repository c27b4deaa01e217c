package dev.cohort.runtime.template;

import static dev.cohort.runtime.template.TemplateEvaluatorTest.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cohort.engine.Column;
import dev.cohort.model.DataTemplate;
import dev.cohort.model.FieldSource;
import dev.cohort.model.Problem;
import dev.cohort.model.TemplateField;
import dev.cohort.model.Transform;
import dev.cohort.spi.destination.TemplateContract;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateChecksTest {
    private static final FieldSource EMAIL = new FieldSource.Column("email");
    private static final TemplateContract KOUPON = new TemplateContract(
            List.of("CELLNAME", "MEMBERID"), List.of("MEMBERID", "CELLNAME", "FIRSTNAME", "OFFERCODE"), true);

    @Test
    void aSoundTemplateHasNoProblems() {
        DataTemplate template = template("koupon-media",
                field("MEMBERID", new FieldSource.Column("id"), new Transform.Uuid(Transform.UuidMode.PARSE, null)),
                field("CELLNAME", new FieldSource.Column("mobile"), new Transform.Phone("us"), new Transform.Sha256()),
                field("OFFERCODE", new FieldSource.Constant("SPRING"), new Transform.Trim(), new Transform.LowerCase()));

        assertThat(TemplateChecks.check(template, Optional.of(KOUPON))).isEmpty();
    }

    @Test
    void anEmptyTemplateIsAProblem() {
        assertThat(TemplateChecks.check(template(null))).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(TemplateChecks.EMPTY_TEMPLATE);
            assertThat(problem.location().key()).isEqualTo("data_templates.t.fields");
            assertThat(problem.message()).isEqualTo("data template 't' has no fields: add at least one under 'fields'");
        });
    }

    @Test
    void fieldNamesMustBeUniqueIgnoringCaseWhereTheDestinationIgnoresCase() {
        DataTemplate template = template(null, field("Email", EMAIL), field("", EMAIL), field("EMAIL", EMAIL),
                field("Email", EMAIL));

        assertThat(TemplateChecks.check(template)).extracting(Problem::code, p -> p.location().key())
                .containsExactly(
                        tuple(TemplateChecks.EMPTY_FIELD_NAME, "data_templates.t.fields[1]"),
                        tuple(TemplateChecks.DUPLICATE_FIELD, "data_templates.t.fields[3]"));
        assertThat(TemplateChecks.check(template, Optional.of(new TemplateContract(List.of(), List.of(), false))))
                .extracting(Problem::message)
                .contains("field 'EMAIL' differs from fields[0] 'Email' only in case, and the destination ignores case:"
                                + " every output field needs a name of its own",
                        "field 'Email' is already the name of fields[0]: every output field needs a name of its own");
    }

    @Test
    void aFixedLayoutAcceptsOnlyItsFieldsAndSuggestsTheNearest() {
        DataTemplate template = template("koupon-media", field("MEMBERID", EMAIL), field("CELNAME", EMAIL),
                field("firstname", EMAIL));

        assertThat(TemplateChecks.check(template, Optional.of(KOUPON))).extracting(Problem::message).containsExactly(
                "field 'CELNAME' is not in the file layout of koupon-media destinations; did you mean 'CELLNAME'?"
                        + " (layout: MEMBERID, CELLNAME, FIRSTNAME, OFFERCODE)",
                "field 'firstname' is not in the file layout of koupon-media destinations; field names are"
                        + " case-sensitive here: write 'FIRSTNAME' (layout: MEMBERID, CELLNAME, FIRSTNAME, OFFERCODE)",
                "the template has no field 'CELLNAME', which koupon-media destinations require"
                        + " (required: CELLNAME, MEMBERID)");
    }

    @Test
    void aRequiredFieldSpeltInAnotherCaseIsNamed() {
        DataTemplate template = template(null, field("email", EMAIL));

        assertThat(TemplateChecks.check(template, Optional.of(TemplateContract.requiring("EMAIL"))))
                .extracting(Problem::code, Problem::message)
                .containsExactly(tuple(TemplateChecks.MISSING_FIELD, "the template has no field 'EMAIL', which the"
                        + " destination requires; field 'email' differs only in case, and field names are case-sensitive"
                        + " here (required: EMAIL)"));
        assertThat(TemplateChecks.check(template, Optional.of(new TemplateContract(List.of("EMAIL"), List.of(), false))))
                .isEmpty();
    }

    @Test
    void anUnknownPhoneRegionSaysWhichCodesWork() {
        DataTemplate template = template(null, field("PHONE", EMAIL, new Transform.Trim(), new Transform.Phone("UK")));

        assertThat(TemplateChecks.check(template)).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(TemplateChecks.UNKNOWN_REGION);
            assertThat(problem.location().key()).isEqualTo("data_templates.t.fields[0].transforms[1]");
            assertThat(problem.message()).startsWith("phone region 'UK' is not a region code libphonenumber knows"
                    + " (the United Kingdom is GB): use an ISO 3166-1 alpha-2 code such as US, GB, DE, FR");
        });
    }

    @Test
    void transformsThatCanNeverAcceptWhatTheyAreGivenAreAProblem() {
        DataTemplate template = template(null,
                field("A", EMAIL, new Transform.Sha256(), new Transform.Email()),
                field("B", EMAIL, new Transform.Email(), new Transform.UpperCase(), new Transform.Phone("US")),
                field("C", EMAIL, new Transform.Sha256(), new Transform.Uuid(Transform.UuidMode.PARSE, null)));

        assertThat(TemplateChecks.check(template)).extracting(p -> p.location().key(), Problem::message).containsExactly(
                tuple("data_templates.t.fields[0].transforms[1]", "'email' comes after 'sha256', which makes a SHA-256"
                        + " digest, so 'email' would reject every row: reorder or remove one of them"),
                tuple("data_templates.t.fields[1].transforms[2]", "'phone' comes after 'email', which makes an e-mail"
                        + " address, so 'phone' would reject every row: reorder or remove one of them"),
                tuple("data_templates.t.fields[2].transforms[1]", "'uuid' comes after 'sha256', which makes a SHA-256"
                        + " digest, so 'uuid' would reject every row: reorder or remove one of them"));
    }

    @Test
    void transformsThatMakeSenseInAnyOrderAreAccepted() {
        DataTemplate template = template(null,
                field("A", EMAIL, new Transform.LowerCase(), new Transform.Email(), new Transform.Email(), new Transform.Sha256(),
                        new Transform.UpperCase()),
                field("B", EMAIL, new Transform.Uuid(Transform.UuidMode.NAME_BASED, null),
                        new Transform.Uuid(Transform.UuidMode.PARSE, null), new Transform.Sha256(), new Transform.Sha256()));

        assertThat(TemplateChecks.check(template)).isEmpty();
    }

    @Test
    void blanksTakeNoTransformsAndConstantsMustPassTheirs() {
        DataTemplate template = template(null,
                field("NOTES", new FieldSource.Blank(), new Transform.Trim()),
                field("CONTACT", new FieldSource.Constant("support"), new Transform.Email()));

        assertThat(TemplateChecks.check(template)).extracting(Problem::code, Problem::message).containsExactly(
                tuple(TemplateChecks.TRANSFORM_ON_BLANK,
                        "field 'NOTES' is blank, so it has nothing to transform: remove its transforms"),
                tuple(TemplateChecks.INVALID_CONSTANT, "the constant of field 'CONTACT' is rejected by its own"
                        + " transforms (not a valid e-mail address: no '@'): fix the constant or the transforms"));
    }

    @Test
    void columnReferencesAreCheckedAgainstTheQuery() {
        DataTemplate template = template(null, field("A", new FieldSource.Column("EMAIL")),
                field("B", new FieldSource.Column("id")), field("C", new FieldSource.Column("postcode")),
                field("D", new FieldSource.Constant("x")));
        List<Column> columns = List.of(new Column("Id", "BIGINT"), new Column("ID", "BIGINT"), new Column("email", "VARCHAR"));

        assertThat(TemplateChecks.checkColumns(template, columns)).extracting(p -> p.location().key(), Problem::message)
                .containsExactly(
                        tuple("data_templates.t.fields[1].column", "field 'B': column 'id' matches more than one column"
                                + " of the query's output (Id, ID): give them distinct names with AS in the query"),
                        tuple("data_templates.t.fields[2].column", "field 'C': column 'postcode' is not in the query's output"
                                + " (columns: Id, ID, email)"));
    }

    private static DataTemplate template(String destinationType, TemplateField... fields) {
        return new DataTemplate("t", null, destinationType, List.of(fields));
    }
}
