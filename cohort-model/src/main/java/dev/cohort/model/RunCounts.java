package dev.cohort.model;

/**
 * What a run moved so far.
 *
 * @param rowsRead     rows read from the query
 * @param rowsSent     rows the destination received
 * @param rowsRejected rows refused (by a transform or by the destination), each with a reason
 * @param bytesSent    bytes delivered (files as published)
 */
public record RunCounts(long rowsRead, long rowsSent, long rowsRejected, long bytesSent) {
    public static final RunCounts ZERO = new RunCounts(0, 0, 0, 0);
}
