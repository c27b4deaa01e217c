package dev.cohort.spi.destination;

import java.util.List;

/**
 * One delivery in progress. Used by one thread at a time. Trino's page sink is the model:
 * {@link #write} may block — that is the back-pressure —, {@link #finish} commits, {@link #abort}
 * cleans up, and {@link #close} never commits.
 */
public interface DestinationWriter extends AutoCloseable {
    /**
     * Takes a batch of rows. Rows the destination cannot take (a value its format cannot hold) are
     * returned, with the reason; the others are written.
     *
     * @throws dev.cohort.spi.CohortException when the delivery fails; its kind says whether it is retried
     */
    List<RowRejection> write(RecordBatch batch);

    /** Bytes sent so far (as the partner receives them), for progress; 0 when the destination cannot tell. */
    default long bytesWritten() {
        return 0;
    }

    /**
     * Commits: completes and publishes what was written (renames temporary files, writes a success
     * marker, flushes the last request). After it returns, the partner can see the delivery whole.
     */
    WriteResult finish();

    /**
     * Discards the delivery: removes temporary files, sends nothing more. Safe to call more than once,
     * after a failure, and when nothing was written. Does not throw; problems are logged.
     */
    void abort();

    /** Releases connections; a writer closed before {@link #finish} is aborted. */
    @Override
    void close();
}
