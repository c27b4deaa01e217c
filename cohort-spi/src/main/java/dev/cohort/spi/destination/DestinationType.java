package dev.cohort.spi.destination;

import dev.cohort.spi.config.Settings;

/**
 * A kind of destination Cohort can send to: the plugin behind {@code type: sftp}. Implementations are
 * listed in {@code META-INF/services/dev.cohort.spi.destination.DestinationType} and must be stateless
 * and thread-safe: one instance serves every destination of its type.
 *
 * <p>Lifecycle of a delivery: {@link #configure} once per destination (every problem at once), then for
 * each run {@link #open} a writer, {@link DestinationWriter#write write} batches, and
 * {@link DestinationWriter#finish finish} (commit) or {@link DestinationWriter#abort abort} (clean up).
 *
 * @param <C> the type's configuration: an immutable record, its secrets masked in {@code toString}
 */
public interface DestinationType<C extends Record> {
    DestinationSpec spec();

    /**
     * Binds checked settings and credential values into the typed configuration. Reads values from
     * {@code settings}, adds its own problems there (a port out of range, neither password nor key),
     * and calls {@link Settings#validate()}.
     *
     * @throws dev.cohort.spi.config.ConfigException with every problem
     */
    C configure(Settings settings);

    /**
     * Tests the connection as a person would want to know it: each step (resolve, connect,
     * authenticate, reach the folder, write) with a plain message. A bad password is a failed check,
     * never an exception.
     */
    CheckResult check(C config, CheckContext context);

    /**
     * Opens a writer for one delivery (one run, or one table of a database export). Connecting may
     * happen here or on the first write.
     *
     * @throws dev.cohort.spi.CohortException when the partner cannot be reached; its kind says whether
     *                                        the runtime retries
     */
    DestinationWriter open(C config, WriteContext context);
}
