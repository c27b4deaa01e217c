package dev.cohort.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.engine.Column;
import dev.cohort.model.DataTemplate;
import dev.cohort.model.FieldSource;
import dev.cohort.model.TemplateField;
import dev.cohort.model.Transform;
import dev.cohort.normalisation.InvalidValueException;
import dev.cohort.runtime.template.NormalisationVectors.Vector;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every test vector of {@code docs/normalisation.md}, through the functions and through an evaluator. */
class NormalisationVectorsTest {
    static List<Vector> vectors() {
        return NormalisationVectors.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void functionsFollowTheDocument(Vector vector) {
        if (vector.rejected()) {
            assertThatThrownBy(() -> Transforms.apply(vector.transforms(), vector.input()))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage(vector.rejection());
        } else {
            assertThat(Transforms.apply(vector.transforms(), vector.input())).isEqualTo(vector.output());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void evaluatorFollowsTheDocument(Vector vector) {
        TemplateEvaluator evaluator = TemplateEvaluator.compile(template(vector.transforms()),
                List.of(new Column("id", "BIGINT"), new Column("value", "VARCHAR")));
        String[] out = new String[2];

        Rejection rejection = evaluator.evaluate(index -> index == 0 ? "7" : vector.input(), out);

        if (vector.rejected()) {
            assertThat(rejection).isEqualTo(new Rejection("VALUE", vector.rejection()));
        } else {
            assertThat(rejection).isNull();
            assertThat(out).containsExactly("7", vector.output());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void aRejectionNeverQuotesTheValue(Vector vector) {
        if (vector.rejected() && vector.input().strip().length() > 3) {
            assertThat(vector.rejection()).doesNotContain(vector.input().strip());
        }
    }

    @Test
    void theTableIsCompleteAndNumberedInOrder() {
        List<Vector> vectors = vectors();

        assertThat(vectors).hasSizeGreaterThanOrEqualTo(40);
        assertThat(vectors).extracting(Vector::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, vectors.size()).boxed().toList());
        Set<String> covered = vectors.stream().flatMap(v -> v.transforms().stream())
                .map(Transform::keyword).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrder("trim", "lower", "upper", "email", "phone", "sha256", "uuid");
        assertThat(vectors).filteredOn(Vector::rejected).isNotEmpty();
    }

    static DataTemplate template(List<Transform> transforms) {
        return new DataTemplate("vectors", null, null, List.of(
                new TemplateField("ID", new FieldSource.Column("id"), List.of()),
                new TemplateField("VALUE", new FieldSource.Column("value"), transforms)));
    }
}
