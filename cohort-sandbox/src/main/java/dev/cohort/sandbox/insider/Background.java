package dev.cohort.sandbox.insider;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where the server does what Insider does after answering: downloads, callbacks, retries. Each task runs on
 * its own virtual thread (they wait on the network); one platform thread only keeps the timers. Tasks given
 * after {@link #close()} are dropped, as are those still waiting then.
 */
final class Background implements AutoCloseable {
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "sandbox-insider-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("sandbox-insider-worker-", 0).factory());

    void run(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException closed) {
            // the server is closing: what was not started is not done
        }
    }

    void runAfter(Duration delay, Runnable task) {
        if (delay.isZero() || delay.isNegative()) {
            run(task);
            return;
        }
        try {
            timers.schedule(() -> run(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            // the server is closing
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
        workers.shutdownNow();
    }
}
