package dev.cohort.connector.braze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuotingTest {
    @Test
    void secretsIdsAddressesAndNumbersNeverReachAnOutcome() {
        String text = "user cust-42 (ada@example.com, +44 20 7946 0958) with key b7c1e0f2 refused\n\tagain";

        String clean = Quoting.clean(text, "b7c1e0f2", List.of("cust-42"));

        assertThat(clean).isEqualTo("user <external_id> (<e-mail>, <number>) with key **** refused again");
    }

    @Test
    void countsAndShortNumbersStay() {
        assertThat(Quoting.clean("too many objects: 76 > 75 in request 123", "", List.of())).isEqualTo(
                "too many objects: 76 > 75 in request 123");
    }

    @Test
    void longTextIsCut() {
        assertThat(Quoting.clean("x".repeat(500), "", List.of())).hasSize(Quoting.MAX_CHARACTERS + 1).endsWith("…");
        assertThat(Quoting.clean(null, "", List.of())).isEmpty();
    }
}
