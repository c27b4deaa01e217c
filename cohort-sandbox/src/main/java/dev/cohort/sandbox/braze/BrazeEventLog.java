package dev.cohort.sandbox.braze;

import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** The server's recent events (the newest {@value #CAPACITY}), passed on to an optional listener. Thread-safe. */
final class BrazeEventLog {
    static final int CAPACITY = 10_000;

    private final Deque<BrazeSandboxEvent> events = new ArrayDeque<>();
    private final Consumer<BrazeSandboxEvent> listener;
    private final InstantSource clock;

    BrazeEventLog(Consumer<BrazeSandboxEvent> listener, InstantSource clock) {
        this.listener = listener;
        this.clock = clock;
    }

    void record(BrazeSandboxEvent.Kind kind, int status, String detail) {
        BrazeSandboxEvent event = new BrazeSandboxEvent(clock.instant(), kind, status, detail);
        synchronized (events) {
            if (events.size() == CAPACITY) {
                events.removeFirst();
            }
            events.addLast(event);
        }
        listener.accept(event);
    }

    List<BrazeSandboxEvent> snapshot() {
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
