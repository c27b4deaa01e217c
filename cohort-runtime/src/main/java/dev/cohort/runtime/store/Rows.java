package dev.cohort.runtime.store;

import dev.cohort.model.WorkspaceKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;

/** Maps rows of {@code workspaces} and {@code objects} to records; the column lists the queries select. */
final class Rows {
    static final String WORKSPACE_COLUMNS = "id, name, kind, master_key_id, created_at";
    static final String OBJECT_COLUMNS =
            "kind, name, spec_json, spec_hash, state_json, sealed_secret, version, created_at, updated_at";

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

    private static byte[] bytes(ResultSet row, String column) throws SQLException {
        byte[] value = row.getBytes(column);
        return row.wasNull() ? null : value;
    }
}
