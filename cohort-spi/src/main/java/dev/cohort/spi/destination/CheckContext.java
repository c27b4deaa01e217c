package dev.cohort.spi.destination;

import java.time.Duration;

/** What a connection check may use. */
public record CheckContext(Duration timeout) {
    public static final CheckContext DEFAULT = new CheckContext(Duration.ofSeconds(15));
}
