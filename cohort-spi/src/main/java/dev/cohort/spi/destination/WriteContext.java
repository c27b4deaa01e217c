package dev.cohort.spi.destination;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a writer knows of the delivery it serves.
 *
 * @param runId         the run's id, for names and logs
 * @param orchestration the orchestration's name
 * @param objectName    what is sent: the query's name, or the table's for a database export
 * @param startedAt     when the run started: the time in file names
 * @param timeZone      the orchestration's time zone (UTC for manual runs unless set)
 * @param test          whether this is a test run (only the first rows)
 * @param fields        the output fields, in order, as the data template names them
 */
public record WriteContext(String runId, String orchestration, String objectName, Instant startedAt, ZoneId timeZone,
                           boolean test, List<String> fields) {
    public WriteContext {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(orchestration, "orchestration");
        Objects.requireNonNull(objectName, "objectName");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(timeZone, "timeZone");
        fields = List.copyOf(fields);
    }
}
