package dev.cohort.runtime.store;

import dev.cohort.model.Run;
import dev.cohort.model.RunCounts;
import dev.cohort.model.RunFile;
import dev.cohort.model.RunRejection;
import dev.cohort.model.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/**
 * The runs of one workspace, on either backend. Every status change is one conditional {@code UPDATE}
 * whose {@code WHERE} names the statuses it may leave, so of two callers racing for the same run only
 * one sees a changed row: the database decides, not this class. Status literals are written in the SQL
 * (not bound) so that PostgreSQL can use the partial index on running runs. Thread-safe.
 */
final class JdbcRunRepository implements RunRepository {
    private static final String SELECT = "SELECT " + Rows.RUN_COLUMNS + " FROM runs WHERE workspace_id = :workspace";
    private static final String NOT_ENDED = "status IN ('WAITING_TO_START', 'RUNNING', 'WAITING_FOR_PARTNER')";

    private static final String INSERT = """
            INSERT INTO runs (workspace_id, orchestration, destination, status, test_rows, triggered_by, requested_at,
                              rows_read, rows_sent, rows_rejected, bytes_sent, attempts, rejections_json, files_json)
            VALUES (:workspace, :orchestration, :destination, 'WAITING_TO_START', :testRows, :trigger, :requestedAt,
                    0, 0, 0, 0, 0, '[]', '[]')
            RETURNING\s""" + Rows.RUN_COLUMNS;

    private static final String START = """
            UPDATE runs SET status = 'RUNNING', worker = :worker, started_at = :now, heartbeat_at = :now
            WHERE workspace_id = :workspace AND id = :id AND status = 'WAITING_TO_START'
            """;

    /** How many waiting runs one claim looks at: enough to get past runs held back by their limits. */
    private static final int CLAIM_WINDOW = 64;

    private static final String CANDIDATES = """
            SELECT id, orchestration, destination FROM runs
            WHERE workspace_id = :workspace AND status = 'WAITING_TO_START'
            ORDER BY id LIMIT :window""";

    /** Runs that hold their orchestration (a run waiting for its partner still does) and, when running, a destination slot. */
    private static final String RUNNING = """
            SELECT orchestration, destination, status FROM runs
            WHERE workspace_id = :workspace AND status IN ('RUNNING', 'WAITING_FOR_PARTNER')""";

    private static final String PROGRESS = """
            UPDATE runs SET rows_read = :rowsRead, rows_sent = :rowsSent, rows_rejected = :rowsRejected,
                            bytes_sent = :bytesSent, attempts = :attempts, heartbeat_at = :now
            WHERE workspace_id = :workspace AND id = :id AND status = 'RUNNING'
            """;

    private static final String FINISH = """
            UPDATE runs SET status = :status, finished_at = :now,
                            rows_read = :rowsRead, rows_sent = :rowsSent, rows_rejected = :rowsRejected,
                            bytes_sent = :bytesSent, rejections_json = :rejections, files_json = :files,
                            error_code = :errorCode, error_message = :errorMessage
            WHERE workspace_id = :workspace AND id = :id AND\s""" + NOT_ENDED;

    private static final String AWAIT_PARTNER = """
            UPDATE runs SET status = 'WAITING_FOR_PARTNER', heartbeat_at = :now,
                            rows_read = :rowsRead, rows_sent = :rowsSent, rows_rejected = :rowsRejected,
                            bytes_sent = :bytesSent, rejections_json = :rejections, files_json = :files,
                            partner_waiting_for = :waitingFor, partner_deadline_at = :deadline
            WHERE workspace_id = :workspace AND id = :id AND status = 'RUNNING'
            """;

    private static final String SETTLE = """
            UPDATE runs SET status = :status, finished_at = :now, partner_accepted = :accepted,
                            partner_rejected = :rejected, error_code = :errorCode, error_message = :errorMessage
            WHERE workspace_id = :workspace AND id = :id AND status = 'WAITING_FOR_PARTNER'
            """;

    private static final String EXPIRE_WAITS = """
            UPDATE runs SET status = 'FAILED', finished_at = :now, error_code = :errorCode,
                            error_message = replace(:reason, '{waiting_for}', partner_waiting_for)
            WHERE workspace_id = :workspace AND status = 'WAITING_FOR_PARTNER' AND partner_deadline_at <= :now
            RETURNING\s""" + Rows.RUN_COLUMNS;

    private static final String CANCEL = """
            UPDATE runs SET status = 'CANCELLED', finished_at = :now, error_message = :reason
            WHERE workspace_id = :workspace AND id = :id AND\s""" + NOT_ENDED;

    private static final String FAIL_ABANDONED = """
            UPDATE runs SET status = 'FAILED', finished_at = :now, error_code = :errorCode,
                            error_message = replace(:reason, '{worker}', coalesce(worker, 'unknown'))
            WHERE workspace_id = :workspace AND status = 'RUNNING' AND heartbeat_at < :staleBefore
            RETURNING\s""" + Rows.RUN_COLUMNS;

    private final WorkspaceRecord workspace;
    private final Database database;

    JdbcRunRepository(WorkspaceRecord workspace, Database database) {
        this.workspace = workspace;
        this.database = database;
    }

    @Override
    public Run create(String orchestration, String destination, Long testRows, String trigger, Instant requestedAt) {
        JdbcMetadataStore.requireText(orchestration, "orchestration");
        JdbcMetadataStore.requireText(trigger, "trigger");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (testRows != null && testRows < 1) {
            throw new IllegalArgumentException("testRows must be at least 1, or null for a full run");
        }
        return guarded("recording a run of orchestration '" + orchestration + "'", () -> database.write(handle ->
                insert(handle, database.dialect(), workspace.id(), orchestration, destination, testRows, trigger, requestedAt)));
    }

    /** Inserts a waiting run with {@code handle}, inside the caller's transaction (a schedule firing uses this). */
    static Run insert(org.jdbi.v3.core.Handle handle, Dialect dialect, long workspaceId, String orchestration,
                      String destination, Long testRows, String trigger, Instant requestedAt) {
        return handle
                .createQuery(INSERT)
                .bind("workspace", workspaceId)
                .bind("orchestration", orchestration)
                .bind("destination", destination)
                .bind("testRows", testRows)
                .bind("trigger", trigger)
                .bind("requestedAt", dialect.timestamp(requestedAt))
                .map(Rows.run(dialect))
                .one();
    }

    @Override
    public Optional<Run> claimNext(String worker, ClaimLimits limits, Instant now) {
        JdbcMetadataStore.requireText(worker, "worker");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(now, "now");
        return guarded("claiming a waiting run", () -> database.write(handle -> {
            Dialect dialect = database.dialect();
            // Claimers of one workspace take turns (the limits count running runs, which only a serial claim
            // can trust); candidates another transaction holds (a cancel) are skipped rather than waited for.
            dialect.serialiseClaims(handle, workspace.id());
            List<Candidate> candidates = handle.createQuery(CANDIDATES + dialect.skipLocked())
                    .bind("workspace", workspace.id())
                    .bind("window", CLAIM_WINDOW)
                    .map((row, context) -> new Candidate(row.getLong("id"), row.getString("orchestration"),
                            row.getString("destination")))
                    .list();
            if (candidates.isEmpty()) {
                return Optional.<Run>empty();
            }
            java.util.Set<String> busyOrchestrations = new java.util.HashSet<>();
            java.util.Map<String, Integer> runningByDestination = new java.util.HashMap<>();
            handle.createQuery(RUNNING).bind("workspace", workspace.id()).map((row, context) -> {
                busyOrchestrations.add(row.getString("orchestration"));
                String destination = row.getString("destination");
                if (destination != null && "RUNNING".equals(row.getString("status"))) {
                    runningByDestination.merge(destination, 1, Integer::sum);
                }
                return 0;
            }).list();
            for (Candidate candidate : candidates) {
                if (busyOrchestrations.contains(candidate.orchestration())) {
                    continue;
                }
                if (candidate.destination() != null
                        && runningByDestination.getOrDefault(candidate.destination(), 0) >= limits.perDestination()) {
                    continue;
                }
                int started = handle.createUpdate(START)
                        .bind("workspace", workspace.id())
                        .bind("id", candidate.id())
                        .bind("worker", worker)
                        .bind("now", dialect.timestamp(now))
                        .execute();
                if (started == 1) {
                    return handle.createQuery(SELECT + " AND id = :id")
                            .bind("workspace", workspace.id())
                            .bind("id", candidate.id())
                            .map(Rows.run(dialect))
                            .findOne();
                }
            }
            return Optional.<Run>empty();
        }));
    }

    @Override
    public long waitingCount() {
        return guarded("counting waiting runs", () -> database.read(handle -> handle
                .createQuery("SELECT count(*) FROM runs WHERE workspace_id = :workspace AND status = 'WAITING_TO_START'")
                .bind("workspace", workspace.id())
                .mapTo(Long.class)
                .one()));
    }

    private record Candidate(long id, String orchestration, String destination) {}

    @Override
    public Optional<Run> find(long id) {
        return guarded("reading run " + id, () -> database.read(handle -> handle
                .createQuery(SELECT + " AND id = :id")
                .bind("workspace", workspace.id())
                .bind("id", id)
                .map(Rows.run(database.dialect()))
                .findOne()));
    }

    @Override
    public List<Run> list(String orchestration, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        String filter = orchestration == null ? "" : " AND orchestration = :orchestration";
        return guarded("listing runs", () -> database.read(handle -> handle
                .createQuery(SELECT + filter + " ORDER BY id DESC LIMIT :limit")
                .bind("workspace", workspace.id())
                .bind("orchestration", orchestration)
                .bind("limit", limit)
                .map(Rows.run(database.dialect()))
                .list()));
    }

    @Override
    public List<Run> unfinished(String orchestration) {
        Objects.requireNonNull(orchestration, "orchestration");
        return guarded("listing the unfinished runs of orchestration '" + orchestration + "'",
                () -> database.read(handle -> handle
                        .createQuery(SELECT + " AND orchestration = :orchestration AND " + NOT_ENDED + " ORDER BY id")
                        .bind("workspace", workspace.id())
                        .bind("orchestration", orchestration)
                        .map(Rows.run(database.dialect()))
                        .list()));
    }

    @Override
    public boolean start(long id, String worker, Instant now) {
        JdbcMetadataStore.requireText(worker, "worker");
        Objects.requireNonNull(now, "now");
        return changed("starting run " + id, START, id, now, update -> update.bind("worker", worker));
    }

    @Override
    public boolean progress(long id, RunCounts counts, int attempts, Instant now) {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(now, "now");
        return changed("recording the progress of run " + id, PROGRESS, id, now,
                update -> bindCounts(update, counts).bind("attempts", attempts));
    }

    @Override
    public boolean finish(long id, RunStatus status, RunCounts counts, List<RunRejection> rejections,
                          List<RunFile> files, String errorCode, String errorMessage, Instant now) {
        return finish(id, status, counts, rejections, files, errorCode, errorMessage, now, List.of());
    }

    @Override
    public boolean finish(long id, RunStatus status, RunCounts counts, List<RunRejection> rejections,
                          List<RunFile> files, String errorCode, String errorMessage, Instant now, List<FollowUp> followUps) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(now, "now");
        if (!status.isFinal()) {
            throw new IllegalArgumentException("A run finishes with a final status, not " + status);
        }
        String rejectionsJson = RunJson.rejections(rejections);
        String filesJson = RunJson.files(files);
        boolean success = status == RunStatus.COMPLETED || status == RunStatus.COMPLETED_WITH_WARNINGS;
        return guarded("finishing run " + id, () -> database.write(handle -> {
            boolean changed = bindCounts(handle.createUpdate(FINISH), counts)
                    .bind("workspace", workspace.id())
                    .bind("id", id)
                    .bind("now", timestamp(now))
                    .bind("status", status.name())
                    .bind("rejections", rejectionsJson)
                    .bind("files", filesJson)
                    .bind("errorCode", errorCode)
                    .bind("errorMessage", errorMessage)
                    .execute() == 1;
            if (changed && success) {
                requestFollowUps(handle, id, followUps, now);
            }
            return changed;
        }));
    }

    /** Requests {@code followUps} of run {@code id} (not of a test run) inside the caller's transaction. */
    private void requestFollowUps(org.jdbi.v3.core.Handle handle, long id, List<FollowUp> followUps, Instant now) {
        if (followUps.isEmpty()) {
            return;
        }
        Optional<Run> run = handle.createQuery(SELECT + " AND id = :id").bind("workspace", workspace.id())
                .bind("id", id).map(Rows.run(database.dialect())).findOne();
        if (run.isPresent() && !run.get().isTest()) {
            for (FollowUp followUp : followUps) {
                insert(handle, database.dialect(), workspace.id(), followUp.orchestration(), followUp.destination(),
                        null, "after run " + id + " of " + run.get().orchestration(), now);
            }
        }
    }

    @Override
    public boolean awaitPartner(long id, RunCounts counts, List<RunRejection> rejections, List<RunFile> files,
                                String waitingFor, Instant deadline, Instant now) {
        JdbcMetadataStore.requireText(waitingFor, "waitingFor");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(counts, "counts");
        String rejectionsJson = RunJson.rejections(rejections);
        String filesJson = RunJson.files(files);
        return changed("recording that run " + id + " waits for its partner", AWAIT_PARTNER, id, now,
                update -> bindCounts(update, counts)
                        .bind("rejections", rejectionsJson)
                        .bind("files", filesJson)
                        .bind("waitingFor", waitingFor)
                        .bind("deadline", timestamp(deadline)));
    }

    @Override
    public boolean settle(long id, RunStatus status, Long accepted, Long rejected, String errorCode, String errorMessage,
                          Instant now, List<FollowUp> followUps) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(now, "now");
        if (!status.isFinal()) {
            throw new IllegalArgumentException("A run settles with a final status, not " + status);
        }
        boolean success = status == RunStatus.COMPLETED || status == RunStatus.COMPLETED_WITH_WARNINGS;
        return guarded("recording the partner's report on run " + id, () -> database.write(handle -> {
            boolean changed = handle.createUpdate(SETTLE)
                    .bind("workspace", workspace.id())
                    .bind("id", id)
                    .bind("now", timestamp(now))
                    .bind("status", status.name())
                    .bind("accepted", accepted)
                    .bind("rejected", rejected)
                    .bind("errorCode", errorCode)
                    .bind("errorMessage", errorMessage)
                    .execute() == 1;
            if (changed && success) {
                requestFollowUps(handle, id, followUps, now);
            }
            return changed;
        }));
    }

    @Override
    public List<Run> expireWaits(String errorCode, String reason, Instant now) {
        Objects.requireNonNull(now, "now");
        return guarded("failing the runs whose partner did not report in time", () -> database.write(handle -> handle
                .createQuery(EXPIRE_WAITS)
                .bind("workspace", workspace.id())
                .bind("now", timestamp(now))
                .bind("errorCode", errorCode)
                .bind("reason", reason)
                .map(Rows.run(database.dialect()))
                .list()
                .stream()
                .sorted(Comparator.comparingLong(Run::id))
                .toList()));
    }

    @Override
    public List<Run> waitingForPartner() {
        return guarded("listing the runs waiting for their partner", () -> database.read(handle -> handle
                .createQuery(SELECT + " AND status = 'WAITING_FOR_PARTNER' ORDER BY id")
                .bind("workspace", workspace.id())
                .map(Rows.run(database.dialect()))
                .list()));
    }

    @Override
    public List<Run> failAbandoned(Duration staleAfter, String errorCode, String reason, Instant now) {
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(now, "now");
        if (staleAfter.isNegative()) {
            throw new IllegalArgumentException("staleAfter must not be negative, not " + staleAfter);
        }
        return guarded("failing the abandoned runs", () -> database.write(handle -> handle
                .createQuery(FAIL_ABANDONED)
                .bind("workspace", workspace.id())
                .bind("now", timestamp(now))
                .bind("staleBefore", timestamp(now.minus(staleAfter)))
                .bind("errorCode", errorCode)
                .bind("reason", reason)
                .map(Rows.run(database.dialect()))
                .list()
                .stream()
                .sorted(Comparator.comparingLong(Run::id))
                .toList()));
    }

    @Override
    public boolean cancel(long id, String reason, Instant now) {
        Objects.requireNonNull(now, "now");
        return changed("cancelling run " + id, CANCEL, id, now, update -> update.bind("reason", reason));
    }

    /** Runs one guarded UPDATE of run {@code id}; true when it changed the row. */
    private boolean changed(String action, String sql, long id, Instant now,
                            UnaryOperator<Update> binder) {
        return guarded(action, () -> database.write(handle -> binder.apply(handle.createUpdate(sql)
                        .bind("workspace", workspace.id())
                        .bind("id", id)
                        .bind("now", timestamp(now)))
                .execute() == 1));
    }

    private static <S extends SqlStatement<S>> S bindCounts(S statement, RunCounts counts) {
        return statement.bind("rowsRead", counts.rowsRead())
                .bind("rowsSent", counts.rowsSent())
                .bind("rowsRejected", counts.rowsRejected())
                .bind("bytesSent", counts.bytesSent());
    }

    private Argument timestamp(Instant instant) {
        return database.dialect().timestamp(instant);
    }

    private <T> T guarded(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw database.failure(action + " of workspace '" + workspace.name() + "'", e);
        }
    }
}
