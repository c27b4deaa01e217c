-- Conventions: see db/README.md.
-- The run queue is the runs waiting to start: a run is requested as a WAITING_TO_START row and claimed by
-- one conditional UPDATE inside the claim transaction, which selects candidates with FOR UPDATE SKIP LOCKED,
-- so the record and the queue entry can never disagree and two nodes never take the same run. destination
-- says which partner a run writes to, for the per-destination limit of concurrent runs.

ALTER TABLE runs ADD COLUMN destination text COLLATE "C";

-- Claiming: the oldest waiting runs; counting: running runs by destination.
CREATE INDEX ix_runs_workspace_id_id_waiting ON runs (workspace_id, id) WHERE status = 'WAITING_TO_START';
CREATE INDEX ix_runs_workspace_id_destination_running ON runs (workspace_id, destination) WHERE status = 'RUNNING';

-- One row per automatic orchestration: when it fires next. Firing moves next_fire_at forward in the same
-- transaction that requests the run, so a due time fires once whatever the number of nodes or restarts.
CREATE TABLE schedules (
    id            bigint           GENERATED ALWAYS AS IDENTITY,
    workspace_id  bigint           NOT NULL,
    orchestration text COLLATE "C" NOT NULL,
    destination   text COLLATE "C",
    cron          text             NOT NULL,
    time_zone     text             NOT NULL,
    next_fire_at  timestamptz(3)   NOT NULL,
    last_fired_at timestamptz(3),
    last_run_id   bigint,
    updated_at    timestamptz(3)   NOT NULL,
    CONSTRAINT pk_schedules PRIMARY KEY (id),
    CONSTRAINT fk_schedules_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT uq_schedules_workspace_id_orchestration UNIQUE (workspace_id, orchestration)
);

CREATE INDEX ix_schedules_next_fire_at ON schedules (workspace_id, next_fire_at);

-- What people are told about runs (and later connectors): the feed of the API and the UI.
CREATE TABLE notifications (
    id            bigint           GENERATED ALWAYS AS IDENTITY,
    workspace_id  bigint           NOT NULL,
    level         text             NOT NULL,
    title         text             NOT NULL,
    message       text             NOT NULL,
    run_id        bigint,
    orchestration text COLLATE "C",
    run_status    text,
    rows_read     bigint           NOT NULL,
    rows_sent     bigint           NOT NULL,
    rows_rejected bigint           NOT NULL,
    error_code    text,
    error_message text,
    created_at    timestamptz(3)   NOT NULL,
    CONSTRAINT pk_notifications PRIMARY KEY (id),
    CONSTRAINT fk_notifications_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);

CREATE INDEX ix_notifications_workspace_id_id ON notifications (workspace_id, id DESC);

-- Who may use the API: tokens for programs (only a hash is kept) and users with passwords for the UI.
CREATE TABLE api_tokens (
    id           bigint           GENERATED ALWAYS AS IDENTITY,
    name         text COLLATE "C" NOT NULL,
    role         text             NOT NULL,
    token_hash   text             NOT NULL,
    created_at   timestamptz(3)   NOT NULL,
    last_used_at timestamptz(3),
    revoked_at   timestamptz(3),
    CONSTRAINT pk_api_tokens PRIMARY KEY (id),
    CONSTRAINT uq_api_tokens_name UNIQUE (name),
    CONSTRAINT uq_api_tokens_token_hash UNIQUE (token_hash)
);

CREATE TABLE users (
    id            bigint           GENERATED ALWAYS AS IDENTITY,
    name          text COLLATE "C" NOT NULL,
    role          text             NOT NULL,
    password_hash text             NOT NULL,
    created_at    timestamptz(3)   NOT NULL,
    updated_at    timestamptz(3)   NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT uq_users_name UNIQUE (name)
);
