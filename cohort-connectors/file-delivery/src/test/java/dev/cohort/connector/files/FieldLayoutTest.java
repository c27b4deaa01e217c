package dev.cohort.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.spi.CohortException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldLayoutTest {
    private static final FieldLayout KOUPON_LIKE = FieldLayout.fixed(List.of("ROW_ID", "FST_NAME", "LST_NAME", "CUSTOMFIELD17"), false);

    @Test
    void theTemplateLayoutPassesRowsThrough() {
        FieldLayout.Bound bound = FieldLayout.ofTemplate().bind(List.of("id", "email"));
        String[] row = {"1", "a@example.com"};

        assertThat(bound.header()).containsExactly("id", "email");
        assertThat(bound.arrange(row)).isSameAs(row);
    }

    @Test
    void aFixedLayoutPlacesFieldsByNameAndLeavesTheRestEmpty() {
        FieldLayout.Bound bound = KOUPON_LIKE.bind(List.of("customfield17", "row_id"));

        assertThat(bound.header()).containsExactly("ROW_ID", "FST_NAME", "LST_NAME", "CUSTOMFIELD17");
        assertThat(bound.arrange(new String[] {"L-9", "C-1"})).containsExactly("C-1", null, null, "L-9");
        assertThat(bound.arrange(new String[] {"L-8", null})).containsExactly(null, null, null, "L-8");
    }

    @Test
    void fieldsOutsideTheLayoutAreNamedAllAtOnce() {
        assertThatThrownBy(() -> KOUPON_LIKE.bind(List.of("ROW_ID", "email", "phone")))
                .isInstanceOfSatisfying(CohortException.class, e -> assertThat(e.errorCode()).isEqualTo(FieldLayout.FIELD_NOT_IN_LAYOUT))
                .hasMessageContaining("maps email, phone, which the file layout does not have");
        assertThatThrownBy(() -> FieldLayout.fixed(List.of("ROW_ID"), true).bind(List.of("row_id")))
                .hasMessageContaining("maps row_id");
    }
}
