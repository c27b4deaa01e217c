-- Conventions: see db/README.md.
-- One row per run of an orchestration, kept after it ends: its history. The run queue of issue 4 will be
-- a table of its own (run_queue, with run_id referencing runs.id); a run moves from WAITING_TO_START only
-- through one conditional UPDATE, so the winner is decided here.

CREATE TABLE runs (
    id              INTEGER NOT NULL,
    workspace_id    INTEGER NOT NULL,
    orchestration   TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    test_rows       INTEGER,
    triggered_by    TEXT    NOT NULL,
    requested_at    TEXT    NOT NULL,
    started_at      TEXT,
    finished_at     TEXT,
    heartbeat_at    TEXT,
    rows_read       INTEGER NOT NULL,
    rows_sent       INTEGER NOT NULL,
    rows_rejected   INTEGER NOT NULL,
    bytes_sent      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL,
    worker          TEXT,
    error_code      TEXT,
    error_message   TEXT,
    rejections_json TEXT    NOT NULL,
    files_json      TEXT    NOT NULL,
    CONSTRAINT pk_runs PRIMARY KEY (id AUTOINCREMENT),
    CONSTRAINT fk_runs_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) STRICT;

-- Listing a workspace's runs, all or of one orchestration, newest first.
CREATE INDEX ix_runs_workspace_id_orchestration_id ON runs (workspace_id, orchestration, id DESC);
CREATE INDEX ix_runs_workspace_id_id ON runs (workspace_id, id DESC);

-- Finding running runs whose worker stopped sending heartbeats: only running runs are indexed.
CREATE INDEX ix_runs_heartbeat_at ON runs (heartbeat_at) WHERE status = 'RUNNING';
