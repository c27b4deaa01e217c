package dev.cohort.spi.destination;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import java.time.Duration;
import java.util.Optional;

/**
 * A partner failed or refused. Its {@link #kind()} says whether the runtime retries
 * ({@link dev.cohort.spi.ErrorKind#EXTERNAL_TRANSIENT}) and {@link #retryAfter()} how long the partner
 * asked to wait (HTTP {@code Retry-After}).
 */
public class PartnerException extends CohortException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public PartnerException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public PartnerException(ErrorCode code, String message, Throwable cause) {
        this(code, message, null, cause);
    }

    public PartnerException(ErrorCode code, String message, Duration retryAfter, Throwable cause) {
        super(code, message, cause);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
