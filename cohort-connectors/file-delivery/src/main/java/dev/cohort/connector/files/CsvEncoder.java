package dev.cohort.connector.files;

/**
 * Writes rows as delimited text to an output stream in a {@link CsvFormat}. Buffers; {@link #flush()}
 * pushes everything written so far into the stream, which the encoder never closes. One thread.
 * I/O failures are thrown as {@link java.io.UncheckedIOException} with the stream's exception as cause.
 */
public interface CsvEncoder {
    /** Writes one record: the values in order, null as an empty field. The array is not kept. */
    void writeRow(String[] values);

    void flush();
}
