package dev.cohort.sandbox.air;

import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** The server's recent events (the newest {@value #CAPACITY}), passed on to an optional listener. Thread-safe. */
final class AirEventLog {
    static final int CAPACITY = 10_000;

    private final Deque<AirSandboxEvent> events = new ArrayDeque<>();
    private final Consumer<AirSandboxEvent> listener;
    private final InstantSource clock;

    AirEventLog(Consumer<AirSandboxEvent> listener, InstantSource clock) {
        this.listener = listener;
        this.clock = clock;
    }

    void record(AirSandboxEvent.Kind kind, String walletId, int status, String detail) {
        AirSandboxEvent event = new AirSandboxEvent(clock.instant(), kind, walletId, status, detail);
        synchronized (events) {
            if (events.size() == CAPACITY) {
                events.removeFirst();
            }
            events.addLast(event);
        }
        listener.accept(event);
    }

    List<AirSandboxEvent> snapshot() {
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
