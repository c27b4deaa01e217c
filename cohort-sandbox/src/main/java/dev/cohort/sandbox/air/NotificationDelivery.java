package dev.cohort.sandbox.air;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts event notifications to the connector URL with {@code X-Auth-Token}, as AIR's outbound connector does:
 * asynchronously, one wallet's notifications strictly in order (the next leaves only once the one before was
 * delivered or abandoned), different wallets in parallel on a fixed number of senders. A failed attempt (an answer
 * other than 2xx, no connection, a timeout) is tried again after the retry delay, then twice that, and so on, up to
 * the number of attempts; the wallet's later notifications wait meanwhile. Each wallet with something to send is a
 * lane; ready lanes queue for a sender.
 */
final class NotificationDelivery implements AutoCloseable {
    static final String USER_AGENT = "cohort-sandbox-air";
    static final String AUTH_HEADER = "X-Auth-Token";
    /** At most this many synthetic notifications wait at once; {@link #reserveSynthetic()} blocks beyond (back-pressure for benchmarks). */
    static final int SYNTHETIC_BACKLOG = 20_000;

    /** Where notifications go. */
    record Target(URI url, String externalKey) {
        @Override
        public String toString() {
            return "Target[url=" + url + ", externalKey=****]";
        }
    }

    /** One notification on its way, and how often it was tried. */
    private static final class Outgoing {
        private final AirNotification notification;
        private final boolean synthetic;
        private int attempts;

        Outgoing(AirNotification notification, boolean synthetic) {
            this.notification = notification;
            this.synthetic = synthetic;
        }
    }

    /** One wallet's queue; {@code active} while it is queued for a sender, held by one, or waiting for a retry. */
    private static final class Lane {
        private final String walletId;
        private final Deque<Outgoing> queue = new ArrayDeque<>();
        private boolean active;

        Lane(String walletId) {
            this.walletId = walletId;
        }
    }

    private final HttpClient http;
    private final AirEventLog events;
    private final AirFaults faults;
    private final int attempts;
    private final Duration retryDelay;
    private final Duration timeout;
    private final Map<String, Lane> lanes = new HashMap<>();
    private final LinkedBlockingQueue<Lane> ready = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "sandbox-air-retry-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore syntheticBacklog = new Semaphore(SYNTHETIC_BACKLOG);
    private final List<Thread> senders = new ArrayList<>();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicLong withheld = new AtomicLong();
    private final AtomicLong noConnector = new AtomicLong();
    private volatile Target target;

    NotificationDelivery(HttpClient http, AirEventLog events, AirFaults faults, Target target, int senderCount, int attempts,
                         Duration retryDelay, Duration timeout) {
        this.http = http;
        this.events = events;
        this.faults = faults;
        this.target = target;
        this.attempts = attempts;
        this.retryDelay = retryDelay;
        this.timeout = timeout;
        for (int i = 0; i < senderCount; i++) {
            senders.add(Thread.ofVirtual().name("sandbox-air-sender-" + i).start(this::sendLoop));
        }
    }

    void target(Target newTarget) {
        this.target = newTarget;
    }

    Target target() {
        return target;
    }

    /**
     * Waits for room for one more synthetic notification: call before making it (never with the program's lock held),
     * then {@link #submit} it as synthetic, which gives the room back once it is delivered or dropped.
     */
    void reserveSynthetic() throws InterruptedException {
        syntheticBacklog.acquire();
    }

    /** Queues {@code notification} behind its wallet's earlier ones; quick, it never waits. */
    void submit(AirNotification notification, boolean synthetic) {
        created.incrementAndGet();
        if (faults.withholdsNotifications()) {
            withheld.incrementAndGet();
            if (synthetic) {
                syntheticBacklog.release();
            } else {
                events.record(AirSandboxEvent.Kind.NOTIFICATION_WITHHELD, notification.walletId(), 0, describe(notification));
            }
            return;
        }
        if (target == null) {
            noConnector.incrementAndGet();
            if (synthetic) {
                syntheticBacklog.release();
            }
            return;
        }
        Outgoing outgoing = new Outgoing(notification, synthetic);
        synchronized (lanes) {
            Lane lane = lanes.computeIfAbsent(notification.walletId(), Lane::new);
            lane.queue.addLast(outgoing);
            if (!lane.active) {
                lane.active = true;
                ready.add(lane);
            }
        }
    }

    AirNotificationCounts counts() {
        long done = delivered.get() + abandoned.get() + withheld.get() + noConnector.get();
        return new AirNotificationCounts(created.get(), delivered.get(), duplicates.get(), failedAttempts.get(), abandoned.get(),
                withheld.get(), noConnector.get(), Math.max(0, created.get() - done));
    }

    private void sendLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Lane lane = ready.take();
                Outgoing head;
                synchronized (lanes) {
                    head = lane.queue.peekFirst();
                }
                if (head != null) {
                    deliver(lane, head);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Lane lane, Outgoing outgoing) throws InterruptedException {
        AirNotification notification = outgoing.notification;
        Target to = target;
        outgoing.attempts++;
        Attempt attempt = post(to, notification);
        int status = attempt.status();
        if (attempt.succeeded()) {
            delivered.incrementAndGet();
            if (!outgoing.synthetic) {
                events.record(AirSandboxEvent.Kind.NOTIFICATION_DELIVERED, notification.walletId(), status, describe(notification)
                        + (outgoing.attempts > 1 ? " (attempt " + outgoing.attempts + ")" : ""));
            }
            if (faults.deliversTwice() && post(to, notification).succeeded()) {
                duplicates.incrementAndGet();
            }
            finish(lane, outgoing);
            return;
        }
        failedAttempts.incrementAndGet();
        String tried = "attempt " + outgoing.attempts + " of " + attempts + " to " + shown(to.url()) + ": " + attempt.failure();
        if (outgoing.attempts < attempts) {
            Duration wait = retryDelay.multipliedBy(1L << Math.min(outgoing.attempts - 1, 20));
            events.record(AirSandboxEvent.Kind.NOTIFICATION_FAILED, notification.walletId(), status, describe(notification) + ", " + tried
                    + "; trying again in " + wait.toMillis() + " ms");
            try {
                timers.schedule(() -> ready.add(lane), wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                // the server is closing: what was not delivered is dropped
            }
            return;
        }
        abandoned.incrementAndGet();
        events.record(AirSandboxEvent.Kind.NOTIFICATION_ABANDONED, notification.walletId(), status, describe(notification) + ", " + tried);
        finish(lane, outgoing);
    }

    /** The head of {@code lane} is done with: the lane queues again for its next notification, or goes. */
    private void finish(Lane lane, Outgoing outgoing) {
        if (outgoing.synthetic) {
            syntheticBacklog.release();
        }
        synchronized (lanes) {
            lane.queue.pollFirst();
            if (lane.queue.isEmpty()) {
                lane.active = false;
                lanes.remove(lane.walletId);
            } else {
                ready.add(lane);
            }
        }
    }

    /** What one post came to: the status (0 when there was no answer) and, unless it was a 2xx, why it failed. */
    private record Attempt(int status, String failure) {
        boolean succeeded() {
            return failure == null;
        }
    }

    private Attempt post(Target to, AirNotification notification) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(to.url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(AUTH_HEADER, to.externalKey())
                .POST(HttpRequest.BodyPublishers.ofString(notification.json()))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Attempt(status, status >= 200 && status < 300 ? null : "answered HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Attempt(0, "no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return new Attempt(0, "cannot connect");
        } catch (IOException e) {
            return new Attempt(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** A URL as it appears in events: without user info, query or fragment. */
    static String shown(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath()) + (url.getRawQuery() == null ? "" : "?…");
    }

    private static String describe(AirNotification notification) {
        return notification.eventName() + " " + notification.eesEventId();
    }

    @Override
    public void close() {
        senders.forEach(Thread::interrupt);
        timers.shutdownNow();
    }
}
