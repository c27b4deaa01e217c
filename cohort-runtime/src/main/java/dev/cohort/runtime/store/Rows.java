package dev.cohort.runtime.store;

import dev.cohort.model.PartnerOutcome;
import dev.cohort.model.Run;
import dev.cohort.model.RunCounts;
import dev.cohort.model.RunStatus;
import dev.cohort.model.WorkspaceKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;

/** Maps rows of {@code workspaces}, {@code objects} and {@code runs} to records; the column lists the queries select. */
final class Rows {
    static final String WORKSPACE_COLUMNS = "id, name, kind, master_key_id, created_at";
    static final String OBJECT_COLUMNS =
            "kind, name, spec_json, spec_hash, state_json, sealed_secret, version, created_at, updated_at";
    static final String RUN_COLUMNS = "id, orchestration, status, test_rows, triggered_by, requested_at, started_at,"
            + " finished_at, heartbeat_at, rows_read, rows_sent, rows_rejected, bytes_sent, attempts, worker,"
            + " error_code, error_message, rejections_json, files_json, partner_waiting_for, partner_deadline_at,"
            + " partner_accepted, partner_rejected";

    private Rows() {}

    static RowMapper<WorkspaceRecord> workspace(Dialect dialect) {
        return (row, context) -> new WorkspaceRecord(
                row.getLong("id"),
                row.getString("name"),
                WorkspaceKind.valueOf(row.getString("kind")),
                row.getString("master_key_id"),
                dialect.readTimestamp(row, "created_at"));
    }

    static RowMapper<StoredObject> object(Dialect dialect) {
        return (row, context) -> new StoredObject(
                ObjectKind.valueOf(row.getString("kind")),
                row.getString("name"),
                row.getString("spec_json"),
                row.getString("spec_hash"),
                row.getString("state_json"),
                bytes(row, "sealed_secret"),
                row.getLong("version"),
                dialect.readTimestamp(row, "created_at"),
                dialect.readTimestamp(row, "updated_at"));
    }

    static RowMapper<Run> run(Dialect dialect) {
        return (row, context) -> {
            long id = row.getLong("id");
            return new Run(
                    id,
                    row.getString("orchestration"),
                    RunStatus.valueOf(row.getString("status")),
                    longOrNull(row, "test_rows"),
                    row.getString("triggered_by"),
                    dialect.readTimestamp(row, "requested_at"),
                    timestampOrNull(dialect, row, "started_at"),
                    timestampOrNull(dialect, row, "finished_at"),
                    new RunCounts(row.getLong("rows_read"), row.getLong("rows_sent"), row.getLong("rows_rejected"),
                            row.getLong("bytes_sent")),
                    RunJson.readRejections(id, row.getString("rejections_json")),
                    RunJson.readFiles(id, row.getString("files_json")),
                    row.getString("error_code"),
                    row.getString("error_message"),
                    row.getInt("attempts"),
                    row.getString("worker"),
                    timestampOrNull(dialect, row, "heartbeat_at"),
                    partner(dialect, row));
        };
    }

    private static PartnerOutcome partner(Dialect dialect, ResultSet row) throws SQLException {
        String waitingFor = row.getString("partner_waiting_for");
        if (waitingFor == null) {
            return null;
        }
        return new PartnerOutcome(waitingFor, dialect.readTimestamp(row, "partner_deadline_at"),
                longOrNull(row, "partner_accepted"), longOrNull(row, "partner_rejected"));
    }

    private static Instant timestampOrNull(Dialect dialect, ResultSet row, String column) throws SQLException {
        return row.getObject(column) == null ? null : dialect.readTimestamp(row, column);
    }

    private static Long longOrNull(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static byte[] bytes(ResultSet row, String column) throws SQLException {
        byte[] value = row.getBytes(column);
        return row.wasNull() ? null : value;
    }
}
