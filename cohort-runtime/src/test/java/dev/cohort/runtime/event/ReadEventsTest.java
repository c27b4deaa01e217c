package dev.cohort.runtime.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.event.LoyaltyEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadEventsTest {
    private final ReadEvents reads = new ReadEvents();
    private final Object connector = new Object();

    @Test
    void aReadEventIsHandedOverOnceToTheConnectorThatReadIt() {
        LoyaltyEvent settled = event("e1");
        reads.put(1, connector, settled);

        assertThat(reads.take(1, connector)).isSameAs(settled);
        assertThat(reads.take(1, connector)).as("taken already").isNull();
    }

    @Test
    void aConnectorBoundAfreshReadsTheStoredNotificationAgain() {
        reads.put(1, connector, event("e1"));

        assertThat(reads.take(1, new Object())).isNull();
        assertThat(reads.take(1, connector)).as("not kept for the old binding either").isNull();
    }

    @Test
    void keepsOnlyTheNewestEvents() {
        for (long id = 1; id <= ReadEvents.CAPACITY + 10; id++) {
            reads.put(id, connector, event("e" + id));
        }

        assertThat(reads.size()).isEqualTo(ReadEvents.CAPACITY);
        assertThat(reads.take(10, connector)).as("pushed out by newer events").isNull();
        assertThat(reads.take(ReadEvents.CAPACITY + 10, connector).eventId()).isEqualTo("e" + (ReadEvents.CAPACITY + 10));
    }

    private static LoyaltyEvent event(String id) {
        return new LoyaltyEvent(id, "POSCONNECT.WALLET.SETTLE", LoyaltyEvent.Kind.PURCHASE_COMPLETED, Instant.EPOCH, "w1",
                List.of(), 500L, 50L, null, null, null, "GBP", List.of(), Map.of());
    }
}
