package dev.cohort.spi.destination;

/**
 * Permission to send one request to a partner, under the {@link RateLimit} its destination type declares.
 * The runtime provides it in the {@link WriteContext}, shared by every run that sends with the same
 * credential in this process, and paces the permits evenly; a connector calls {@link #acquire()} before each
 * request it makes (an upload, a download), never keeping a limiter of its own.
 */
@FunctionalInterface
public interface RequestPermits {
    /** No limit: for destinations that declare none, and for tests. */
    RequestPermits UNLIMITED = () -> { };

    /** Blocks until one more request may be sent. */
    void acquire() throws InterruptedException;
}
