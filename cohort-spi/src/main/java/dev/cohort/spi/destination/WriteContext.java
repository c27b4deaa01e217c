package dev.cohort.spi.destination;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * @param requests      the permits for each request to the partner, under the type's declared rate limit
 * @param files         where files a partner fetches are served; null when no server partners can reach runs this
 * @param callback      the run's own URL for the partner's report (see {@link PartnerWait}); null when none
 * @param fieldTypes    each field's SQL type as the engine names it ({@code VARCHAR}, {@code BIGINT},
 *                      {@code DECIMAL(14,2)}, {@code DATE}, {@code TIMESTAMP}, {@code BOOLEAN}), in field order; empty
 *                      when unknown. Values still arrive as text, in the engine's text form of the type
 */
public record WriteContext(String runId, String orchestration, String objectName, Instant startedAt, ZoneId timeZone,
                           boolean test, List<String> fields, RequestPermits requests, FileHost files, URI callback,
                           List<String> fieldTypes) {
    public WriteContext {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(orchestration, "orchestration");
        Objects.requireNonNull(objectName, "objectName");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(timeZone, "timeZone");
        fields = List.copyOf(fields);
        requests = requests == null ? RequestPermits.UNLIMITED : requests;
        fieldTypes = fieldTypes == null ? List.of() : List.copyOf(fieldTypes);
        if (!fieldTypes.isEmpty() && fieldTypes.size() != fields.size()) {
            throw new IllegalArgumentException("one type per field: " + fieldTypes.size() + " for " + fields.size());
        }
    }

    /** A context whose fields' types are unknown. */
    public WriteContext(String runId, String orchestration, String objectName, Instant startedAt, ZoneId timeZone,
                        boolean test, List<String> fields, RequestPermits requests, FileHost files, URI callback) {
        this(runId, orchestration, objectName, startedAt, timeZone, test, fields, requests, files, callback, List.of());
    }

    /** A context without rate limit, file host or callback: for file and table destinations and tests. */
    public WriteContext(String runId, String orchestration, String objectName, Instant startedAt, ZoneId timeZone,
                        boolean test, List<String> fields) {
        this(runId, orchestration, objectName, startedAt, timeZone, test, fields, RequestPermits.UNLIMITED, null, null, List.of());
    }

    /** Field {@code index}'s SQL type as the engine names it, {@code VARCHAR} when unknown. */
    public String fieldType(int index) {
        return fieldTypes.isEmpty() ? "VARCHAR" : fieldTypes.get(index);
    }

    /** Where files a partner fetches are served; empty when no Cohort server that partners can reach runs this. */
    public Optional<FileHost> fileHost() {
        return Optional.ofNullable(files);
    }

    /** The run's own URL for the partner's report; empty when no Cohort server that partners can reach runs this. */
    public Optional<URI> callbackUrl() {
        return Optional.ofNullable(callback);
    }
}
