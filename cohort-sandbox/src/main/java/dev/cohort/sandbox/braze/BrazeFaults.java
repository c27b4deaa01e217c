package dev.cohort.sandbox.braze;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the sandbox Braze server injects on purpose, so tests see how Cohort copes with what Braze does. All are
 * off until switched on; {@link #clear()} switches them all off. Changes apply to the next request. Thread-safe.
 *
 * <ul>
 *   <li>{@link #failNextRequests}: the next authenticated requests answer {@code 500}, {@code 502}, {@code 503} or
 *       {@code 504} and store nothing.</li>
 *   <li>{@link #rateLimitNextRequests}: the next authenticated requests answer {@code 429} with
 *       {@code X-RateLimit-Remaining: 0}, whatever the real count.</li>
 *   <li>{@link #delayAnswers}: every answer comes that much later.</li>
 *   <li>{@link #rejectEveryKey}: every request answers {@code 401}, as after the key was revoked.</li>
 * </ul>
 */
public final class BrazeFaults {
    private static final Duration MAX_DELAY = Duration.ofMinutes(10);

    private final AtomicInteger requestsToFail = new AtomicInteger();
    private volatile int failureStatus = 500;
    private final AtomicInteger requestsToRateLimit = new AtomicInteger();
    private volatile Duration answerDelay = Duration.ZERO;
    private volatile boolean rejectEveryKey;

    /** Answers the next {@code requests} authenticated requests with {@code status} (500, 502, 503 or 504). */
    public BrazeFaults failNextRequests(int requests, int status) {
        if (requests < 0) {
            throw new IllegalArgumentException("the number of requests to fail cannot be negative: " + requests);
        }
        if (status != 500 && status != 502 && status != 503 && status != 504) {
            throw new IllegalArgumentException("a failed request answers 500, 502, 503 or 504, not " + status);
        }
        failureStatus = status;
        requestsToFail.set(requests);
        return this;
    }

    /** Answers the next {@code requests} authenticated requests with {@code 429}. */
    public BrazeFaults rateLimitNextRequests(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("the number of requests to rate-limit cannot be negative: " + requests);
        }
        requestsToRateLimit.set(requests);
        return this;
    }

    /** Answers every request {@code delay} late (from zero to 10 minutes). */
    public BrazeFaults delayAnswers(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("an answer delay must be between 0 and 10 minutes, not " + delay);
        }
        answerDelay = delay;
        return this;
    }

    /** Answers every request {@code 401}, whatever its key. */
    public BrazeFaults rejectEveryKey() {
        rejectEveryKey = true;
        return this;
    }

    /** Switches every fault off. */
    public BrazeFaults clear() {
        requestsToFail.set(0);
        failureStatus = 500;
        requestsToRateLimit.set(0);
        answerDelay = Duration.ZERO;
        rejectEveryKey = false;
        return this;
    }

    /** Takes one of the requests still to fail: its status, or 0 when none is left. */
    int takeFailure() {
        return requestsToFail.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? failureStatus : 0;
    }

    boolean takeRateLimited() {
        return requestsToRateLimit.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }

    Duration answerDelay() {
        return answerDelay;
    }

    boolean rejectsEveryKey() {
        return rejectEveryKey;
    }
}
