package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.sandbox.braze.BrazeCustomEvent;
import dev.cohort.sandbox.braze.BrazeUser;
import dev.cohort.sandbox.braze.BrazeUserKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrazeTallyTest {
    private static final Instant NOW = Instant.parse("2030-01-01T09:30:00Z");

    private static BrazeCustomEvent event(String id) {
        return new BrazeCustomEvent("Order Completed", NOW, id == null ? Map.of() : Map.of("ees_event_id", id), null, NOW);
    }

    private static BrazeUser user(String externalId, long received, BrazeCustomEvent... events) {
        return new BrazeUser(BrazeUserKey.externalId(externalId), Map.of(), List.of(events), List.of(), received, received, 0);
    }

    @Test
    void eachEventOnceIsExactlyOnce() {
        BrazeTally tally = BrazeTally.of(List.of(user("C1", 2, event("a"), event("b")), user("C2", 1, event("c"))));

        assertThat(tally).isEqualTo(new BrazeTally(2, 3, 3, 3, 0));
        assertThat(tally.duplicates()).isZero();
        assertThat(tally.missing(3)).isZero();
        assertThat(tally.exactlyOnce(3)).isTrue();
    }

    @Test
    void countsAnEventReceivedTwiceAndOneThatNeverCame() {
        BrazeTally tally = BrazeTally.of(List.of(user("C1", 2, event("a"), event("a")), user("C2", 1, event("c"))));

        assertThat(tally.duplicates()).isEqualTo(1);
        assertThat(tally.missing(3)).isEqualTo(1);
        assertThat(tally.exactlyOnce(3)).isFalse();
    }

    @Test
    void anEventWithoutItsIdOrBeyondTheKeptOnesIsNotExactlyOnce() {
        assertThat(BrazeTally.of(List.of(user("C1", 2, event("a"), event(null)))).exactlyOnce(2)).isFalse();
        assertThat(BrazeTally.of(List.of(user("C1", 3, event("a"), event("b")))).exactlyOnce(2)).isFalse();
    }
}
