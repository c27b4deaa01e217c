package dev.cohort.spi.destination;

import java.util.List;

/**
 * What a finished delivery produced.
 *
 * @param rowsSent rows the partner received
 * @param files    files published, in order (empty for API destinations)
 */
public record WriteResult(long rowsSent, List<DeliveredFile> files) {
    public WriteResult {
        files = List.copyOf(files);
    }
}
