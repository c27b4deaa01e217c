package dev.cohort.server.work;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Wakes idle workers when work may have arrived (a run requested here, a schedule fired, a run ended). */
final class Wakeup {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signalled = lock.newCondition();
    private long generation;

    /** Wakes every waiting worker. */
    void signal() {
        lock.lock();
        try {
            generation++;
            signalled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The current generation, read before looking for work. */
    long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until signalled after {@code seen} was read, or {@code timeout} passes. */
    void await(long seen, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (generation == seen && nanos > 0) {
                nanos = signalled.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    void awaitMillis(long seen, long millis) throws InterruptedException {
        await(seen, Duration.ofMillis(Math.max(0, millis)));
    }

    static long toMillis(Duration duration) {
        return TimeUnit.NANOSECONDS.toMillis(duration.toNanos());
    }
}
