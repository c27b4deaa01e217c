package dev.cohort.runtime.store;

import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/** The notifications of one workspace, on either backend. Thread-safe. */
final class JdbcNotificationRepository implements NotificationRepository {
    private static final String COLUMNS = "id, level, title, message, run_id, orchestration, run_status, rows_read,"
            + " rows_sent, rows_rejected, error_code, error_message, created_at";

    private final WorkspaceRecord workspace;
    private final Database database;

    JdbcNotificationRepository(WorkspaceRecord workspace, Database database) {
        this.workspace = workspace;
        this.database = database;
    }

    @Override
    public Notification add(Notification n) {
        return guarded("recording a notification", () -> database.write(handle -> handle
                .createQuery("INSERT INTO notifications (workspace_id, level, title, message, run_id, orchestration, run_status,"
                        + " rows_read, rows_sent, rows_rejected, error_code, error_message, created_at) VALUES (:workspace,"
                        + " :level, :title, :message, :runId, :orchestration, :runStatus, :rowsRead, :rowsSent, :rowsRejected,"
                        + " :errorCode, :errorMessage, :createdAt) RETURNING " + COLUMNS)
                .bind("workspace", workspace.id())
                .bind("level", n.level())
                .bind("title", n.title())
                .bind("message", n.message())
                .bind("runId", n.runId())
                .bind("orchestration", n.orchestration())
                .bind("runStatus", n.runStatus())
                .bind("rowsRead", n.rowsRead())
                .bind("rowsSent", n.rowsSent())
                .bind("rowsRejected", n.rowsRejected())
                .bind("errorCode", n.errorCode())
                .bind("errorMessage", n.errorMessage())
                .bind("createdAt", database.dialect().timestamp(n.createdAt()))
                .map(mapper())
                .one()));
    }

    @Override
    public List<Notification> list(Long beforeId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        return guarded("listing notifications", () -> database.read(handle -> handle
                .createQuery("SELECT " + COLUMNS + " FROM notifications WHERE workspace_id = :workspace"
                        + (beforeId == null ? "" : " AND id < :before") + " ORDER BY id DESC LIMIT :limit")
                .bind("workspace", workspace.id())
                .bind("before", beforeId)
                .bind("limit", limit)
                .map(mapper())
                .list()));
    }

    private RowMapper<Notification> mapper() {
        Dialect dialect = database.dialect();
        return (row, context) -> {
            long runId = row.getLong("run_id");
            Long run = row.wasNull() ? null : runId;
            return new Notification(row.getLong("id"), row.getString("level"), row.getString("title"),
                    row.getString("message"), run, row.getString("orchestration"), row.getString("run_status"),
                    row.getLong("rows_read"), row.getLong("rows_sent"), row.getLong("rows_rejected"),
                    row.getString("error_code"), row.getString("error_message"), dialect.readTimestamp(row, "created_at"));
        };
    }

    private <T> T guarded(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw database.failure(action + " of workspace '" + workspace.name() + "'", e);
        }
    }
}
