package dev.cohort.sandbox.sftp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** The server's recent events (the newest {@value #CAPACITY}), passed on to an optional listener. Thread-safe. */
final class SftpEventLog implements Consumer<SftpEvent> {
    static final int CAPACITY = 10_000;

    private final Deque<SftpEvent> events = new ArrayDeque<>();
    private final Consumer<SftpEvent> listener;

    SftpEventLog(Consumer<SftpEvent> listener) {
        this.listener = listener;
    }

    @Override
    public void accept(SftpEvent event) {
        synchronized (events) {
            if (events.size() == CAPACITY) {
                events.removeFirst();
            }
            events.addLast(event);
        }
        listener.accept(event);
    }

    List<SftpEvent> snapshot() {
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
