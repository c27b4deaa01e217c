package dev.cohort.sandbox.insider;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the sandbox Insider One server injects on purpose, so tests can see how a client copes with what a
 * real partner does. All are off until switched on; {@link #clear()} switches them all off. Changes apply to
 * the next request, and to callbacks not yet sent. Thread-safe.
 *
 * <ul>
 *   <li>{@link #failNextUploads}: the next uploads answer {@code 500 {"error":"Internal Server Error."}} and
 *       are not processed (after authentication and the rate limit, before the body is read).</li>
 *   <li>{@link #delayCallbacks}: results reach the callback URL that much later than the server's callback
 *       delay.</li>
 *   <li>{@link #neverSendCallbacks}: uploads are processed and stored, but no result is ever posted — a
 *       client must give up waiting on its own.</li>
 *   <li>{@link #expectUploadFields} and {@link #sendCallbackFields}: other JSON field names than the server was
 *       built with, as if Insider's names differ from those a client guessed.</li>
 *   <li>{@link #rejectEveryToken}: every request answers {@code 401 {"error":"Bad Api Key."}}, as after a
 *       token was revoked.</li>
 * </ul>
 */
public final class InsiderFaults {
    private static final Duration MAX_CALLBACK_DELAY = Duration.ofHours(2);

    private final AtomicInteger uploadsToFail = new AtomicInteger();
    private volatile Duration callbackDelay = Duration.ZERO;
    private volatile boolean withholdCallbacks;
    private volatile InsiderUploadFields uploadFields;
    private volatile InsiderCallbackFields callbackFields;
    private volatile boolean rejectEveryToken;

    /** Answers the next {@code uploads} uploads with {@code 500}; later ones are served normally. */
    public InsiderFaults failNextUploads(int uploads) {
        if (uploads < 0) {
            throw new IllegalArgumentException("the number of uploads to fail cannot be negative: " + uploads);
        }
        uploadsToFail.set(uploads);
        return this;
    }

    /**
     * Posts results {@code extra} later than the server's own callback delay (Insider takes up to about an hour).
     *
     * @param extra from zero to 2 hours
     */
    public InsiderFaults delayCallbacks(Duration extra) {
        Objects.requireNonNull(extra, "extra");
        if (extra.isNegative() || extra.compareTo(MAX_CALLBACK_DELAY) > 0) {
            throw new IllegalArgumentException("a callback delay must be between 0 and 2 hours, not " + extra);
        }
        callbackDelay = extra;
        return this;
    }

    /** Processes and stores uploads but never posts their results. */
    public InsiderFaults neverSendCallbacks() {
        withholdCallbacks = true;
        return this;
    }

    /** Reads upload bodies with these field names instead of the server's. */
    public InsiderFaults expectUploadFields(InsiderUploadFields names) {
        uploadFields = Objects.requireNonNull(names, "names");
        return this;
    }

    /** Writes results with these field names instead of the server's. */
    public InsiderFaults sendCallbackFields(InsiderCallbackFields names) {
        callbackFields = Objects.requireNonNull(names, "names");
        return this;
    }

    /** Answers every request {@code 401 {"error":"Bad Api Key."}}, whatever its partner name and token. */
    public InsiderFaults rejectEveryToken() {
        rejectEveryToken = true;
        return this;
    }

    /** Switches every fault off. */
    public InsiderFaults clear() {
        uploadsToFail.set(0);
        callbackDelay = Duration.ZERO;
        withholdCallbacks = false;
        uploadFields = null;
        callbackFields = null;
        rejectEveryToken = false;
        return this;
    }

    /** Takes one of the uploads still to fail; false when none is left. */
    boolean takeUploadToFail() {
        return uploadsToFail.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }

    Duration extraCallbackDelay() {
        return callbackDelay;
    }

    boolean withholdsCallbacks() {
        return withholdCallbacks;
    }

    InsiderUploadFields uploadFieldsOr(InsiderUploadFields configured) {
        InsiderUploadFields override = uploadFields;
        return override != null ? override : configured;
    }

    InsiderCallbackFields callbackFieldsOr(InsiderCallbackFields configured) {
        InsiderCallbackFields override = callbackFields;
        return override != null ? override : configured;
    }

    boolean rejectsEveryToken() {
        return rejectEveryToken;
    }
}
