package dev.cohort.bench;

import dev.cohort.sandbox.braze.BrazeCustomEvent;
import dev.cohort.sandbox.braze.BrazeUser;
import dev.cohort.sandbox.braze.SandboxBrazeServer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which events the Braze stand-in received, told apart by the {@code ees_event_id} property Cohort gives every custom
 * event (AIR's {@code eesEventId}): how many arrived, how many distinct, how many more than once. Read from the users
 * the stand-in keeps; the benchmark clears them before each phase, so a tally is one phase's.
 *
 * @param users    users the events were for
 * @param received custom events received, counted by the stand-in (also those beyond the newest it keeps)
 * @param kept     custom events kept per user, which the ids are read from
 * @param distinct distinct {@code ees_event_id}s among the kept events
 * @param withoutId kept events without an {@code ees_event_id}
 */
record BrazeTally(int users, long received, long kept, long distinct, long withoutId) {
    static final String EVENT_ID_PROPERTY = "ees_event_id";

    static BrazeTally of(SandboxBrazeServer braze) {
        return of(braze.users());
    }

    static BrazeTally of(List<BrazeUser> users) {
        long received = 0;
        long kept = 0;
        long withoutId = 0;
        Set<Object> ids = new HashSet<>();
        for (BrazeUser user : users) {
            received += user.eventsReceived();
            for (BrazeCustomEvent event : user.events()) {
                kept++;
                Object id = event.properties().get(EVENT_ID_PROPERTY);
                if (id == null) {
                    withoutId++;
                } else {
                    ids.add(id);
                }
            }
        }
        return new BrazeTally(users.size(), received, kept, ids.size(), withoutId);
    }

    /** Events that arrived more than once: every kept event beyond the first of its id. */
    long duplicates() {
        return kept - withoutId - distinct;
    }

    /** Of {@code expected} events, how many never arrived (by id). */
    long missing(long expected) {
        return Math.max(0, expected - distinct);
    }

    /** Whether each of {@code expected} events arrived exactly once. */
    boolean exactlyOnce(long expected) {
        return received == expected && kept == received && withoutId == 0 && distinct == expected;
    }
}
