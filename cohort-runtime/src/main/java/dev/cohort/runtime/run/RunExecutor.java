package dev.cohort.runtime.run;

import dev.cohort.engine.Engine;
import dev.cohort.model.Run;
import dev.cohort.model.RunCounts;
import dev.cohort.model.RunFile;
import dev.cohort.model.RunStatus;
import dev.cohort.runtime.store.RunRepository;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorKind;
import dev.cohort.spi.destination.CsvEncoding;
import dev.cohort.spi.destination.DeliveredFile;
import dev.cohort.spi.destination.EncodedRowsSink;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.PartnerWait;
import dev.cohort.spi.destination.RequestPermits;
import dev.cohort.spi.destination.RetryPolicy;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one run: marks it Running, delivers with the destination's retry policy (each attempt whole:
 * the query read again, nothing of a failed attempt left where the partner looks), keeps its record
 * and heartbeat current, and ends it Completed, Completed with warnings, Failed or Cancelled.
 */
public final class RunExecutor {
    /** How often a running run tells the store it is alive. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(RunExecutor.class);

    private final Engine engine;
    private final RunRepository runs;
    private final Clock clock;
    private final String worker;
    private final PartnerReach reach;

    public RunExecutor(Engine engine, RunRepository runs, Clock clock, String worker) {
        this(engine, runs, clock, worker, PartnerReach.NONE);
    }

    RunExecutor(Engine engine, RunRepository runs, Clock clock, String worker, PartnerReach reach) {
        this.engine = engine;
        this.runs = runs;
        this.clock = clock;
        this.worker = worker;
        this.reach = reach;
    }

    Run execute(long runId, PreparedRun prepared, RunListener listener) {
        if (!runs.start(runId, worker, clock.instant())) {
            return runs.find(runId).orElseThrow();
        }
        return executeStarted(runs.find(runId).orElseThrow(), prepared, listener);
    }

    /** Executes a run already moved to Running for this worker (claimed from the queue). */
    Run executeStarted(Run started, PreparedRun prepared, RunListener listener) {
        long runId = started.id();
        listener.started(started);
        RejectionSample[] rejections = {new RejectionSample()};
        AtomicLong bytes = new AtomicLong();
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<Integer> attempt = new AtomicReference<>(1);
        RowPipeline.Progress progress = new RowPipeline.Progress(
                current -> listener.progress(counts(current, rejections[0], bytes.get()), bytes.get(), elapsed(started)),
                bytes::set, () -> cancelled.get() || listener.cancelRequested());
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        heartbeat.scheduleAtFixedRate(() -> {
            RunCounts now = new RunCounts(progress.rowsRead.get(), progress.rowsSent.get(), rejections[0].count(), bytes.get());
            if (!runs.progress(runId, now, attempt.get(), clock.instant())) {
                cancelled.set(true);
            }
        }, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);

        List<RunFile> files = new ArrayList<>();
        List<PartnerWait> waits = new ArrayList<>();
        RunStatus status;
        String errorCode = null;
        String errorMessage = null;
        try {
            Retry retry = retry(runId, prepared.destination().spec().retryPolicy(), listener, attempt);
            Delivered delivered = retry.executeCheckedSupplier(() -> {
                rejections[0] = new RejectionSample();
                progress.reset();
                bytes.set(0);
                return deliverAll(runId, prepared, started.startedAt(), started.isTest(), rejections[0], progress, bytes);
            });
            delivered.files().forEach(f -> files.add(new RunFile(f.name(), f.location(), f.bytes(), f.sha256(), f.rows())));
            bytes.set(delivered.files().stream().mapToLong(DeliveredFile::bytes).sum());
            waits.addAll(delivered.waits());
            status = rejections[0].count() > 0 ? RunStatus.COMPLETED_WITH_WARNINGS : RunStatus.COMPLETED;
        } catch (Throwable e) {
            if (cancelled.get() || listener.cancelRequested() || e instanceof RunCancelledException) {
                Thread.interrupted();
                status = RunStatus.CANCELLED;
                errorCode = RunCancelledException.CODE.code();
                errorMessage = "cancelled while running; nothing was published";
            } else {
                status = RunStatus.FAILED;
                errorCode = failureCode(e);
                errorMessage = failureMessage(runId, e, attempt.get());
            }
        } finally {
            heartbeat.shutdownNow();
        }
        RunCounts counts = counts(progress, rejections[0], bytes.get());
        runs.progress(runId, counts, attempt.get(), clock.instant());
        if (status != RunStatus.FAILED && status != RunStatus.CANCELLED && !waits.isEmpty()) {
            return awaitPartner(runId, counts, rejections[0], files, waits, listener);
        }
        if (!runs.finish(runId, status, counts, rejections[0].sample(), files, errorCode, errorMessage, clock.instant(),
                prepared.followUps())) {
            LOG.info("run {} had already ended (cancelled) when it finished", runId);
        }
        Run finished = runs.find(runId).orElseThrow();
        listener.finished(finished);
        return finished;
    }

    /** The partner took the delivery and reports later: the run waits for it, freeing this worker. */
    private Run awaitPartner(long runId, RunCounts counts, RejectionSample rejections, List<RunFile> files,
                             List<PartnerWait> waits, RunListener listener) {
        Duration timeout = waits.stream().map(PartnerWait::timeout).max(Duration::compareTo).orElseThrow();
        String waitingFor = String.join("; ", waits.stream().map(PartnerWait::description).distinct().toList());
        if (!runs.awaitPartner(runId, counts, rejections.sample(), files, waitingFor, clock.instant().plus(timeout),
                clock.instant())) {
            LOG.info("run {} had already ended (cancelled) when its partner took the delivery", runId);
        }
        Run waiting = runs.find(runId).orElseThrow();
        if (waiting.status().isFinal()) {
            listener.finished(waiting);
        } else {
            listener.waiting(waiting);
        }
        return waiting;
    }

    /** What the deliveries of one attempt produced: files published, and what partners will report on later. */
    private record Delivered(List<DeliveredFile> files, List<PartnerWait> waits) {}

    private static String failureCode(Throwable e) {
        return e instanceof CohortException cohort ? cohort.errorCode().code() : "INTERNAL_ERROR";
    }

    private static String failureMessage(long runId, Throwable e, int attempts) {
        if (e instanceof CohortException) {
            return e.getMessage() + (attempts > 1 ? " (after " + attempts + " attempts)" : "");
        }
        LOG.error("run {} failed unexpectedly", runId, e);
        return "Cohort failed unexpectedly (" + e.getClass().getSimpleName()
                + "); this is a bug: the log of this process has the details";
    }

    private Delivered deliverAll(long runId, PreparedRun prepared, Instant startedAt, boolean test,
                                 RejectionSample rejections, RowPipeline.Progress progress, AtomicLong bytes)
            throws InterruptedException {
        RequestPermits permits = RequestGates.shared().permits(prepared.destination().spec().rateLimit(), prepared.rateKey());
        RowPipeline pipeline = new RowPipeline(engine, rejections, progress);
        List<DeliveredFile> files = new ArrayList<>();
        List<PartnerWait> waits = new ArrayList<>();
        long published = 0;
        for (Delivery delivery : prepared.deliveries()) {
            WriteContext context = new WriteContext(String.valueOf(runId), prepared.orchestration(), delivery.objectName(),
                    startedAt, prepared.timeZone(), test, delivery.fields(), permits, reach.files(), reach.callbackUrl(runId),
                    delivery.fieldTypes());
            try (DestinationWriter writer = prepared.destination().open(context)) {
                try {
                    Optional<CsvEncoding> encoded = EncodedPipeline.encoding(engine, delivery, writer);
                    if (encoded.isPresent()) {
                        new EncodedPipeline(engine, progress).run(delivery, (EncodedRowsSink) writer, encoded.get());
                    } else {
                        pipeline.run(delivery, writer);
                    }
                    WriteResult result = writer.finish();
                    files.addAll(result.files());
                    result.partnerWait().ifPresent(waits::add);
                    published += result.files().stream().mapToLong(DeliveredFile::bytes).sum();
                    bytes.set(published);
                } catch (RuntimeException | InterruptedException e) {
                    boolean interrupted = Thread.interrupted();
                    writer.abort();
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    throw e;
                }
            }
        }
        return new Delivered(files, waits);
    }

    private static Retry retry(long runId, RetryPolicy policy, RunListener listener, AtomicReference<Integer> attempt) {
        IntervalBiFunction<Object> interval = (attempts, result) -> {
            Duration wait = policy.backoff(attempts + 1);
            if (result.isLeft() && result.getLeft() instanceof PartnerException partner && partner.retryAfter().isPresent()) {
                wait = partner.retryAfter().get();
            }
            return wait.toMillis();
        };
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .intervalBiFunction(interval)
                .retryOnException(e -> e instanceof CohortException c && c.kind() == ErrorKind.EXTERNAL_TRANSIENT)
                .failAfterMaxAttempts(false)
                .build();
        Retry retry = Retry.of("run-" + runId, config);
        retry.getEventPublisher().onRetry(event -> {
            attempt.set(event.getNumberOfRetryAttempts() + 1);
            listener.retrying(event.getNumberOfRetryAttempts(), event.getLastThrowable() == null ? ""
                    : event.getLastThrowable().getMessage(), event.getWaitInterval());
        });
        return retry;
    }

    private static RunCounts counts(RowPipeline.Progress progress, RejectionSample rejections, long bytes) {
        long read = progress == null ? 0 : progress.rowsRead.get();
        long sent = progress == null ? 0 : progress.rowsSent.get();
        return new RunCounts(read, sent, rejections.count(), bytes);
    }

    private Duration elapsed(Run started) {
        return Duration.between(started.startedAt(), clock.instant());
    }
}
