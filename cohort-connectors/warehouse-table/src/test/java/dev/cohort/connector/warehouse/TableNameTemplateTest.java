package dev.cohort.connector.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableNameTemplateTest {
    @Test
    void resolvesTheObjectAndOrchestrationTokens() {
        TableNameTemplate template = TableNameTemplate.parse("crm_{object}_{orchestration}");

        assertThat(template.resolve(TestWarehouse.context("Weekly Audience", "id"))).isEqualTo("crm_Weekly Audience_nightly");
        assertThat(template.fixedName()).isEmpty();
        assertThat(TableNameTemplate.parse("audience").fixedName()).contains("audience");
    }

    @Test
    void refusesUnknownTokensAndStrayBraces() {
        assertThatThrownBy(() -> TableNameTemplate.parse("{objects}")).hasMessage(
                "unknown token {objects}; did you mean {object}? (tokens: {object}, {orchestration})");
        assertThatThrownBy(() -> TableNameTemplate.parse("crm_{object")).hasMessage("has a '{' without its '}' at position 5");
        assertThatThrownBy(() -> TableNameTemplate.parse("crm}")).hasMessage("has a '}' without its '{' at position 4");
        assertThatThrownBy(() -> TableNameTemplate.parse(" ")).hasMessageStartingWith("must not be empty");
    }

    @Test
    void aStagingNameFitsTheDatabasesLimitWithoutSplittingACharacter() {
        String staging = ReplacePlan.stagingName("ä".repeat(40), 63);

        assertThat(Identifiers.utf8Length(staging)).isLessThanOrEqualTo(63);
        assertThat(staging).matches("ä{23}__cohort_[0-9a-f]{8}");
    }
}
