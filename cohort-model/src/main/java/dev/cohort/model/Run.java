package dev.cohort.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One execution of an orchestration.
 *
 * @param id           the run's number, unique in the store
 * @param testRows     for a test run, how many rows it sends at most; null for a full run
 * @param trigger      what asked for it: {@code manual}, {@code schedule}, {@code cli}, …
 * @param rejections   a sample of the rejected rows (the first ones), with reasons
 * @param files        files published
 * @param errorCode    for a failed run, the stable code of its error
 * @param errorMessage for a failed run, what went wrong in words a person can act on
 * @param attempts     how many times the delivery was tried
 * @param worker       the process running it ({@code host:pid}), while it runs
 * @param heartbeatAt  when the worker last said it was alive
 * @param partner      for a delivery its partner completes later: what is awaited and, once reported, the
 *                     partner's counts; null for other runs
 */
public record Run(long id, String orchestration, RunStatus status, Long testRows, String trigger, Instant requestedAt,
                  Instant startedAt, Instant finishedAt, RunCounts counts, List<RunRejection> rejections,
                  List<RunFile> files, String errorCode, String errorMessage, int attempts, String worker,
                  Instant heartbeatAt, PartnerOutcome partner) {
    public Run {
        Objects.requireNonNull(orchestration, "orchestration");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
        counts = counts == null ? RunCounts.ZERO : counts;
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A run as before partner reports existed: no partner outcome. */
    public Run(long id, String orchestration, RunStatus status, Long testRows, String trigger, Instant requestedAt,
               Instant startedAt, Instant finishedAt, RunCounts counts, List<RunRejection> rejections,
               List<RunFile> files, String errorCode, String errorMessage, int attempts, String worker,
               Instant heartbeatAt) {
        this(id, orchestration, status, testRows, trigger, requestedAt, startedAt, finishedAt, counts, rejections, files,
                errorCode, errorMessage, attempts, worker, heartbeatAt, null);
    }

    public Optional<PartnerOutcome> partnerOutcome() {
        return Optional.ofNullable(partner);
    }

    public boolean isTest() {
        return testRows != null;
    }

    /** How long it ran (or has run so far, as of {@code now}). */
    public Optional<Duration> duration(Instant now) {
        if (startedAt == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(startedAt, finishedAt != null ? finishedAt : now));
    }
}
