package dev.cohort.sandbox.insider;

import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** The server's recent events (the newest {@value #CAPACITY}), passed on to an optional listener. Thread-safe. */
final class InsiderEventLog {
    static final int CAPACITY = 10_000;

    private final Deque<InsiderEvent> events = new ArrayDeque<>();
    private final Consumer<InsiderEvent> listener;
    private final InstantSource clock;

    InsiderEventLog(Consumer<InsiderEvent> listener, InstantSource clock) {
        this.listener = listener;
        this.clock = clock;
    }

    void record(InsiderEvent.Kind kind, String partner, String segment, int status, String detail) {
        InsiderEvent event = new InsiderEvent(clock.instant(), kind, partner, segment, status, detail);
        synchronized (events) {
            if (events.size() == CAPACITY) {
                events.removeFirst();
            }
            events.addLast(event);
        }
        listener.accept(event);
    }

    List<InsiderEvent> snapshot() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    void clear() {
        synchronized (events) {
            events.clear();
        }
    }
}
