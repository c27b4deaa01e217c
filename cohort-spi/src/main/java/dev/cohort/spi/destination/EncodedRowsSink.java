package dev.cohort.spi.destination;

import java.io.InputStream;
import java.util.Optional;

/**
 * A {@link DestinationWriter} that can also take its data rows already encoded — the fast path for
 * large audiences: when no transform is left for Java, the engine's own CSV writer produces the bytes
 * and they stream straight into the delivery, instead of each value becoming a Java string.
 *
 * <p>The runtime calls {@link #encoding()} once, before any write; when it is present, the runtime may
 * call {@link #writeEncoded} once instead of {@code write}, then {@code finish} or {@code abort} as usual.
 */
public interface EncodedRowsSink {
    /**
     * The CSV this writer would write for its rows, when it can take them pre-encoded for this delivery;
     * empty when it must see every row (it validates rows, splits files by rows, or writes another format).
     */
    Optional<CsvEncoding> encoding();

    /**
     * Takes every data line of the delivery, encoded as {@link #encoding()} says, without a header;
     * reads {@code lines} to its end. May block (back-pressure).
     *
     * @param rows supplies the number of rows once the stream has ended (the engine counts them)
     */
    void writeEncoded(InputStream lines, java.util.function.LongSupplier rows);
}
