-- Conventions: see db/README.md.
-- One row per run of an orchestration, kept after it ends: its history. The run queue of issue 4 will be
-- a table of its own (run_queue, with run_id referencing runs.id) claimed with FOR UPDATE SKIP LOCKED;
-- a run moves from WAITING_TO_START only through one conditional UPDATE, so the winner is decided here.

CREATE TABLE runs (
    id              bigint         GENERATED ALWAYS AS IDENTITY,
    workspace_id    bigint         NOT NULL,
    orchestration   text COLLATE "C" NOT NULL,
    status          text           NOT NULL,
    test_rows       bigint,
    triggered_by    text           NOT NULL,
    requested_at    timestamptz(3) NOT NULL,
    started_at      timestamptz(3),
    finished_at     timestamptz(3),
    heartbeat_at    timestamptz(3),
    rows_read       bigint         NOT NULL,
    rows_sent       bigint         NOT NULL,
    rows_rejected   bigint         NOT NULL,
    bytes_sent      bigint         NOT NULL,
    attempts        integer        NOT NULL,
    worker          text,
    error_code      text,
    error_message   text,
    rejections_json text           NOT NULL,
    files_json      text           NOT NULL,
    CONSTRAINT pk_runs PRIMARY KEY (id),
    CONSTRAINT fk_runs_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

-- Listing a workspace's runs, all or of one orchestration, newest first.
CREATE INDEX ix_runs_workspace_id_orchestration_id ON runs (workspace_id, orchestration, id DESC);
CREATE INDEX ix_runs_workspace_id_id ON runs (workspace_id, id DESC);

-- Finding running runs whose worker stopped sending heartbeats, from any node: only running runs are indexed.
CREATE INDEX ix_runs_heartbeat_at ON runs (heartbeat_at) WHERE status = 'RUNNING';
