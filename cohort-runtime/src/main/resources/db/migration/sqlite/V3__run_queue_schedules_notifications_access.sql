-- Conventions: see db/README.md.
-- The run queue is the runs waiting to start: a run is requested as a WAITING_TO_START row and claimed by
-- one conditional UPDATE inside the claim transaction (on SQLite the single writer serialises claimers), so
-- the record and the queue entry can never disagree. destination says which partner a run writes to, for the
-- per-destination limit of concurrent runs.

ALTER TABLE runs ADD COLUMN destination TEXT;

-- Claiming: the oldest waiting runs; counting: running runs by destination.
CREATE INDEX ix_runs_workspace_id_id_waiting ON runs (workspace_id, id) WHERE status = 'WAITING_TO_START';
CREATE INDEX ix_runs_workspace_id_destination_running ON runs (workspace_id, destination) WHERE status = 'RUNNING';

-- One row per automatic orchestration: when it fires next. Firing moves next_fire_at forward in the same
-- transaction that requests the run, so a due time fires once whatever the number of nodes or restarts.
CREATE TABLE schedules (
    id            INTEGER NOT NULL,
    workspace_id  INTEGER NOT NULL,
    orchestration TEXT    NOT NULL,
    destination   TEXT,
    cron          TEXT    NOT NULL,
    time_zone     TEXT    NOT NULL,
    next_fire_at  TEXT    NOT NULL,
    last_fired_at TEXT,
    last_run_id   INTEGER,
    updated_at    TEXT    NOT NULL,
    CONSTRAINT pk_schedules PRIMARY KEY (id AUTOINCREMENT),
    CONSTRAINT fk_schedules_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT uq_schedules_workspace_id_orchestration UNIQUE (workspace_id, orchestration)
) STRICT;

CREATE INDEX ix_schedules_next_fire_at ON schedules (workspace_id, next_fire_at);

-- What people are told about runs (and later connectors): the feed of the API and the UI.
CREATE TABLE notifications (
    id            INTEGER NOT NULL,
    workspace_id  INTEGER NOT NULL,
    level         TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    message       TEXT    NOT NULL,
    run_id        INTEGER,
    orchestration TEXT,
    run_status    TEXT,
    rows_read     INTEGER NOT NULL,
    rows_sent     INTEGER NOT NULL,
    rows_rejected INTEGER NOT NULL,
    error_code    TEXT,
    error_message TEXT,
    created_at    TEXT    NOT NULL,
    CONSTRAINT pk_notifications PRIMARY KEY (id AUTOINCREMENT),
    CONSTRAINT fk_notifications_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) STRICT;

CREATE INDEX ix_notifications_workspace_id_id ON notifications (workspace_id, id DESC);

-- Who may use the API: tokens for programs (only a hash is kept) and users with passwords for the UI.
CREATE TABLE api_tokens (
    id           INTEGER NOT NULL,
    name         TEXT    NOT NULL,
    role         TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT,
    CONSTRAINT pk_api_tokens PRIMARY KEY (id AUTOINCREMENT),
    CONSTRAINT uq_api_tokens_name UNIQUE (name),
    CONSTRAINT uq_api_tokens_token_hash UNIQUE (token_hash)
) STRICT;

CREATE TABLE users (
    id            INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (id AUTOINCREMENT),
    CONSTRAINT uq_users_name UNIQUE (name)
) STRICT;
