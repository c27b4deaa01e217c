package dev.cohort.spi.destination;

/**
 * A kind of destination Cohort can send to. Implementations are listed in
 * {@code META-INF/services/dev.cohort.spi.destination.DestinationType} and must be stateless and
 * thread-safe: one instance serves every destination of its type.
 */
public interface DestinationType {
    DestinationSpec spec();
}
