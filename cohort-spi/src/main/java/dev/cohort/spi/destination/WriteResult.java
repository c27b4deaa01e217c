package dev.cohort.spi.destination;

import java.util.List;
import java.util.Optional;

/**
 * What a finished delivery produced.
 *
 * @param rowsSent rows the partner received
 * @param files    files published, in order (empty for API destinations)
 * @param awaiting when the partner completes the delivery later and reports on the run's callback URL,
 *                 what is awaited and for how long; null when the delivery is complete
 */
public record WriteResult(long rowsSent, List<DeliveredFile> files, PartnerWait awaiting) {
    public WriteResult {
        files = List.copyOf(files);
    }

    public WriteResult(long rowsSent, List<DeliveredFile> files) {
        this(rowsSent, files, null);
    }

    public Optional<PartnerWait> partnerWait() {
        return Optional.ofNullable(awaiting);
    }
}
