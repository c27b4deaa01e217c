package dev.cohort.spi.destination;

import dev.cohort.spi.config.Settings;
import java.util.List;
import java.util.Optional;

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

    /**
     * Problems of sending {@code fields} (the delivery's output columns, as the data template or query names
     * them) with this configuration, beyond the {@link TemplateContract}: Insider One needs exactly one column
     * named as its attribute. Checked when an orchestration is saved; each problem says what the query gives
     * and what is needed.
     */
    default List<String> checkFields(C config, List<String> fields) {
        return List.of();
    }

    /**
     * What no two orchestrations sending with one credential may share, such as an Insider One segment
     * name ({@code segment 'vip'}); empty when anything may be shared. Checked when orchestrations are saved.
     */
    default Optional<String> exclusiveKey(C config) {
        return Optional.empty();
    }

    /**
     * Reads a partner's report posted to a run's callback URL (see {@link PartnerWait}). Called only for
     * runs whose delivery asked to wait, after the callback's token was checked.
     *
     * @throws PartnerException with a user error code when the body is not a report (the caller answers 400)
     */
    default PartnerReport readReport(C config, byte[] body) {
        throw new PartnerException(dev.cohort.spi.ErrorCode.user("CALLBACK_NOT_EXPECTED"),
                spec().displayName() + " destinations do not take partner reports");
    }
}
