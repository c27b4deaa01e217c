package dev.cohort.notify;

import dev.cohort.notify.DeliveryOutcome.Delivered;
import dev.cohort.notify.DeliveryOutcome.Permanent;
import dev.cohort.notify.DeliveryOutcome.Temporary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications to every channel that wants them, in the background, so a run never waits for a
 * webhook or a mail server. Each delivery of a notification to a channel runs on its own virtual thread:
 * a slow or failing channel holds back nothing but itself. Temporary failures are retried on a
 * {@link RetrySchedule}; the final outcome of each delivery goes to the {@link DeliveryListener}, and a
 * delivery that did not succeed is logged at WARN with its reason (never a secret or the body).
 *
 * <p>At most {@value #ATTEMPTS_AT_ONCE_PER_CHANNEL} attempts run against one channel at the same time, so a
 * burst of notifications does not flood a receiver. Deliveries to one channel are not ordered: a retried
 * notification can arrive after a later one (receivers order by {@code created_at}).
 *
 * <p>The dispatcher owns its channels: {@link #close(Duration)} stops taking notifications, lets the
 * deliveries under way finish until the deadline, interrupts the rest (they are reported as temporary
 * failures) and closes the channels.
 */
public final class NotificationDispatcher implements AutoCloseable {
    /** How many attempts may run against one channel at once. */
    public static final int ATTEMPTS_AT_ONCE_PER_CHANNEL = 4;
    /** How long {@link #close()} waits for deliveries under way. */
    public static final Duration DEFAULT_CLOSE_DEADLINE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    /** How long interrupted deliveries get to report their outcome once the deadline has passed. */
    private static final Duration REPORT_GRACE = Duration.ofSeconds(2);

    private final List<NotificationChannel> channels;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final RetrySchedule retry;
    private final DeliveryListener listener;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("cohort-notify-", 0).factory());
    private volatile boolean closed;

    /**
     * @param channels the channels, with different names
     * @param retry    how temporary failures are retried
     * @param listener told each delivery's final outcome
     */
    public NotificationDispatcher(List<? extends NotificationChannel> channels, RetrySchedule retry,
                                  DeliveryListener listener) {
        this.channels = List.copyOf(channels);
        this.retry = Objects.requireNonNull(retry, "retry");
        this.listener = Objects.requireNonNull(listener, "listener");
        Set<String> names = new HashSet<>();
        for (NotificationChannel channel : this.channels) {
            if (!names.add(channel.name())) {
                throw new IllegalArgumentException("Two notification channels are named '" + channel.name()
                        + "'; outcomes are reported by name, so give each channel its own.");
            }
            permits.put(channel.name(), new Semaphore(ATTEMPTS_AT_ONCE_PER_CHANNEL));
        }
    }

    /** A dispatcher retrying on {@link RetrySchedule#DEFAULT}. */
    public NotificationDispatcher(List<? extends NotificationChannel> channels, DeliveryListener listener) {
        this(channels, RetrySchedule.DEFAULT, listener);
    }

    /**
     * Starts delivering the notification to every channel that wants its level and returns at once.
     *
     * @return the names of those channels, each of which will report an outcome to the listener; after
     * {@link #close} each is reported at once as a temporary failure of 0 attempts instead
     */
    public List<String> dispatch(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        List<String> names = new ArrayList<>();
        for (NotificationChannel channel : channels) {
            if (channel.wants(notification.level())) {
                names.add(channel.name());
                start(notification, channel);
            }
        }
        return names;
    }

    /**
     * Stops taking notifications and waits until {@code deadline} for the deliveries under way, retries
     * included; then interrupts those left, which report a temporary failure, and closes the channels.
     *
     * @return whether every delivery finished by itself before the deadline
     */
    public boolean close(Duration deadline) {
        closed = true;
        executor.shutdown();
        boolean finished = awaitTermination(deadline);
        if (!finished) {
            log.warn("Stopping notification deliveries still under way after {} s; they are reported as not delivered.",
                    deadline.toSeconds());
            executor.shutdownNow();
            awaitTermination(REPORT_GRACE);
        }
        for (NotificationChannel channel : channels) {
            try {
                channel.close();
            } catch (RuntimeException e) {
                log.warn("Closing notification channel '{}' failed: {}", channel.name(), e.toString());
            }
        }
        return finished;
    }

    /** {@link #close(Duration)} with {@link #DEFAULT_CLOSE_DEADLINE}. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_DEADLINE);
    }

    private void start(Notification notification, NotificationChannel channel) {
        try {
            if (!closed) {
                executor.execute(() -> deliver(notification, channel));
                return;
            }
        } catch (RejectedExecutionException e) {
            // closed between the check and the submission
        }
        report(notification, channel, new Temporary(0, "Notification channel '" + channel.name()
                + "': not sent, Cohort's notification dispatcher was shutting down", Optional.empty()));
    }

    private void deliver(Notification notification, NotificationChannel channel) {
        DeliveryOutcome outcome;
        int attempt = 0;
        while (true) {
            attempt++;
            outcome = attempt(notification, channel).withAttempts(attempt);
            if (!(outcome instanceof Temporary temporary) || attempt >= retry.maxAttempts()) {
                break;
            }
            Optional<Duration> wait = retry.waitAfter(attempt, temporary.retryAfter(), ThreadLocalRandom.current());
            if (wait.isEmpty()) {
                outcome = temporary.because("not retried: the receiver asked to wait longer than the "
                        + retry.maxDelay().toSeconds() + " s Cohort waits between attempts");
                break;
            }
            log.info("Notification {} to channel '{}', attempt {} of {} failed, retrying in {} ms: {}",
                    notification.id(), channel.name(), attempt, retry.maxAttempts(), wait.get().toMillis(),
                    temporary.reason());
            if (!sleep(wait.get())) {
                outcome = temporary.because("not retried: Cohort's notification dispatcher was shutting down");
                break;
            }
        }
        report(notification, channel, outcome);
    }

    private DeliveryOutcome attempt(Notification notification, NotificationChannel channel) {
        Semaphore permit = permits.get(channel.name());
        try {
            permit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.temporary("Notification channel '" + channel.name()
                    + "': not sent, Cohort's notification dispatcher was shutting down");
        }
        try {
            return Objects.requireNonNull(channel.deliver(notification), "a channel's outcome");
        } catch (RuntimeException e) {
            log.warn("Notification channel '{}' failed unexpectedly delivering notification {}", channel.name(),
                    notification.id(), e);
            return DeliveryOutcome.permanent("Notification channel '" + channel.name() + "' failed unexpectedly ("
                    + e.getClass().getSimpleName() + "); this is a bug in Cohort, see the server log.");
        } finally {
            permit.release();
        }
    }

    private void report(Notification notification, NotificationChannel channel, DeliveryOutcome outcome) {
        switch (outcome) {
            case Delivered delivered -> log.debug("Notification {} delivered to channel '{}' after {} attempt(s): {}",
                    notification.id(), channel.name(), delivered.attempts(), delivered.detail());
            case Temporary temporary -> log.warn("Notification {} ({}) was not delivered to channel '{}' after {}"
                            + " attempt(s): {}", notification.id(), notification.event(), channel.name(),
                    temporary.attempts(), temporary.reason());
            case Permanent permanent -> log.warn("Notification {} ({}) was refused by channel '{}': {}",
                    notification.id(), notification.event(), channel.name(), permanent.reason());
        }
        // A delivery cut short by close() is interrupted; the listener may still need to write the outcome down.
        Thread.interrupted();
        try {
            listener.finished(notification, channel.name(), outcome);
        } catch (RuntimeException e) {
            log.warn("The delivery listener failed on notification {} for channel '{}'", notification.id(),
                    channel.name(), e);
        }
    }

    /** Waits; false when interrupted, which means the dispatcher is closing. */
    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean awaitTermination(Duration deadline) {
        try {
            return executor.awaitTermination(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
