package dev.cohort.runtime.event;

import dev.cohort.runtime.store.EventRepository;
import dev.cohort.runtime.store.EventRepository.Accepted;
import dev.cohort.runtime.store.EventRepository.NewEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores accepted events in groups: each caller waits until its event is committed — so nothing is answered before
 * it is durable — but the events that arrive while one transaction commits go together in the next, one commit and
 * one disk flush for all of them. Under load that turns a flush per event into a flush per group; alone, an event is
 * committed at once. One writer thread; thread-safe.
 */
final class GroupCommit implements AutoCloseable {
    static final int MAX_GROUP = 256;
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final EventRepository events;
    private final Clock clock;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    private record Waiting(NewEvent event, CompletableFuture<Accepted> stored) {}

    GroupCommit(EventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
        this.writer = Thread.ofVirtual().name("cohort-events-commit").start(this::write);
    }

    /** Stores {@code event} with whatever else is waiting; returns once it is committed. */
    Accepted accept(NewEvent event) {
        if (closed) {
            throw new IllegalStateException("the event store is closing");
        }
        CompletableFuture<Accepted> stored = new CompletableFuture<>();
        queue.add(new Waiting(event, stored));
        try {
            return stored.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing an event", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void write() {
        List<Waiting> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
                continue;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            try {
                List<Accepted> accepted = events.acceptAll(group.stream().map(Waiting::event).toList(), clock.instant());
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).stored().complete(accepted.get(i));
                }
            } catch (RuntimeException e) {
                LOG.warn("storing {} accepted events failed; their callers are told to send them again: {}", group.size(),
                        e.getMessage());
                group.forEach(waiting -> waiting.stored().completeExceptionally(e));
            }
            group.clear();
        }
        queue.forEach(waiting -> waiting.stored().completeExceptionally(new IllegalStateException("the event store closed")));
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(java.time.Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
