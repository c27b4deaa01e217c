package dev.cohort.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.model.Transform;
import dev.cohort.normalisation.InvalidValueException;
import dev.cohort.normalisation.UuidText;
import dev.cohort.spi.CohortException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules the vector table cannot show well: whole character sets, long values, state between calls. */
class TransformsTest {
    @Test
    void trimStripsExactlyUnicodeWhiteSpaceWithZeroWidthSpaceAndByteOrderMark() {
        List<Character> stripped = new ArrayList<>();
        for (char c = 1; c < Character.MIN_SURROGATE; c++) {
            if (Transforms.trim(c + "x" + c).equals("x")) {
                stripped.add(c);
            }
        }
        for (char c = Character.MAX_SURROGATE + 1; c != 0; c++) {
            if (Transforms.trim(c + "x" + c).equals("x")) {
                stripped.add(c);
            }
        }

        List<Character> whiteSpaceProperty = new ArrayList<>();
        for (char c = 1; c != 0; c++) {
            boolean whiteSpace = Character.isSpaceChar(c) || (c >= '\t' && c <= '\r') || c == '\u0085';
            if (whiteSpace || c == '\u200B' || c == '\uFEFF') {
                whiteSpaceProperty.add(c);
            }
        }
        assertThat(stripped).containsExactlyElementsOf(whiteSpaceProperty);
        assertThat(Transform.Trim.CHARACTERS.chars().mapToObj(c -> (char) c).toList()).containsExactlyElementsOf(stripped);
    }

    @Test
    void trimReturnsTheSameStringWhenThereIsNothingToStrip() {
        String value = "ada@example.com";

        assertThat(Transforms.trim(value)).isSameAs(value);
    }

    @Test
    void emailLimitsTheWholeAddressTo254Characters() {
        String label = "a".repeat(60);
        String domain = String.join(".", label, label, label, "example");
        String fits = "x".repeat(254 - domain.length() - 1) + "@" + domain;

        assertThat(Transforms.email(fits)).hasSize(254);
        assertThatThrownBy(() -> Transforms.email("x" + fits))
                .hasMessage("not a valid e-mail address: longer than 254 characters");
    }

    @Test
    void emailLimitsDomainPartsTo63Characters() {
        assertThat(Transforms.email("ada@" + "b".repeat(63) + ".example")).isNotNull();
        assertThatThrownBy(() -> Transforms.email("ada@" + "b".repeat(64) + ".example"))
                .hasMessage("not a valid e-mail address: a part of the domain is longer than 63 characters");
    }

    @Test
    void emailCountsCharactersNotUtf16Units() {
        String local = "\uD835\uDC00".repeat(64);  // 64 mathematical bold A, outside the BMP: letters

        assertThat(Transforms.email(local + "@example.com")).startsWith(local);
    }

    @Test
    void phoneRefusesARegionLibphonenumberDoesNotKnow() {
        assertThatThrownBy(() -> Transforms.phone("020 7946 0958", "UK"))
                .isInstanceOf(CohortException.class)
                .hasMessageStartingWith("phone region 'UK' is not a region code libphonenumber knows"
                        + " (the United Kingdom is GB): use an ISO 3166-1 alpha-2 code such as US, GB, DE");
    }

    @Test
    void aPhoneStepForgetsTheExtensionOfThePreviousNumber() {
        TransformStep phone = TransformStep.of(new Transform.Phone("US"));

        assertThatThrownBy(() -> phone.apply("650-253-0000 x123")).isInstanceOf(InvalidValueException.class);
        assertThat(phone.apply("650-253-0000")).isEqualTo("+16502530000");
    }

    @Test
    void digestStepsGiveTheSameAnswerOnEveryCall() {
        TransformStep sha256 = TransformStep.of(new Transform.Sha256());
        TransformStep uuid = TransformStep.of(new Transform.Uuid(Transform.UuidMode.NAME_BASED, null));

        assertThat(List.of(sha256.apply("a"), sha256.apply("b"), sha256.apply("a")))
                .containsExactly(Transforms.sha256("a"), Transforms.sha256("b"), Transforms.sha256("a"));
        String a = Transforms.uuidFromName("a", Transform.Uuid.DEFAULT_NAMESPACE);
        String b = Transforms.uuidFromName("b", Transform.Uuid.DEFAULT_NAMESPACE);
        assertThat(List.of(uuid.apply("a"), uuid.apply("b"), uuid.apply("a"))).containsExactly(a, b, a);
    }

    @Test
    void uuidFromValueWantsBothBraces() {
        assertThatThrownBy(() -> Transforms.uuidFromValue("{123e4567-e89b-12d3-a456-426614174000"))
                .hasMessage(UuidText.INVALID);
    }

    @Test
    void everyTransformMapsNullToNull() {
        List<Transform> all = List.of(new Transform.Trim(), new Transform.LowerCase(), new Transform.UpperCase(),
                new Transform.Email(), new Transform.Phone("US"), new Transform.Sha256(),
                new Transform.Uuid(Transform.UuidMode.NAME_BASED, null), new Transform.Uuid(Transform.UuidMode.PARSE, null));

        for (Transform transform : all) {
            assertThat(Transforms.apply(transform, null)).as(transform.keyword()).isNull();
        }
    }

    @Test
    void aRejectionCarriesNoStackTrace() {
        assertThatThrownBy(() -> Transforms.email("nobody"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.getStackTrace()).isEmpty();
                    assertThat(e.errorCode()).isEqualTo(InvalidValueException.CODE);
                });
    }
}
