package dev.cohort.notify;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * A channel for dispatcher tests: answers each attempt with what the test scripted (by attempt number),
 * and can be held at the start of every attempt until released.
 */
final class FakeChannel implements NotificationChannel {
    private final String name;
    private final Set<NotificationLevel> levels;
    private final IntFunction<DeliveryOutcome> answers;
    private final List<Notification> attempts = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    FakeChannel(String name, Set<NotificationLevel> levels, IntFunction<DeliveryOutcome> answers) {
        this.name = name;
        this.levels = levels;
        this.answers = answers;
    }

    /** A channel that takes every level and delivers at the first attempt. */
    static FakeChannel delivering(String name) {
        return new FakeChannel(name, EnumSet.allOf(NotificationLevel.class), attempt -> DeliveryOutcome.delivered("ok"));
    }

    /** Holds every attempt until {@link #release()}. */
    FakeChannel held() {
        gate = new CountDownLatch(1);
        return this;
    }

    void release() {
        gate.countDown();
    }

    List<Notification> attempts() {
        return List.copyOf(attempts);
    }

    boolean closed() {
        return closed.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean wants(NotificationLevel level) {
        return levels.contains(level);
    }

    @Override
    public DeliveryOutcome deliver(Notification notification) {
        attempts.add(notification);
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.temporary("channel '" + name + "': interrupted");
        }
        return answers.apply(attempts.size());
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
