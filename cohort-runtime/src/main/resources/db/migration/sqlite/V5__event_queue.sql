-- Conventions: see db/README.md.
-- The event queue: every event an event connector accepted, kept until delivered (and after, as its history).
-- An event is stored before its request is answered; workers claim PENDING events (the single writer
-- serialises claims), in order per ordering_key (a wallet), move them to DELIVERING and then to DELIVERED,
-- back to PENDING for a retry (available_at later), or to DEAD (the dead letters, replayable). event_key is
-- the partner's idempotency key (AIR's eesEventId, a wallet transaction reference): a second event with the
-- same key is a duplicate and is not stored again.
CREATE TABLE events (
    id            INTEGER NOT NULL,
    workspace_id  INTEGER NOT NULL,
    connector     TEXT    NOT NULL,
    direction     TEXT    NOT NULL,
    event_key     TEXT    NOT NULL,
    ordering_key  TEXT    NOT NULL,
    event_type    TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    payload       TEXT    NOT NULL,
    attempts      INTEGER NOT NULL,
    received_at   TEXT    NOT NULL,
    available_at  TEXT    NOT NULL,
    claimed_at    TEXT,
    claimed_by    TEXT,
    finished_at   TEXT,
    outcome_code  TEXT,
    outcome       TEXT,
    CONSTRAINT pk_events PRIMARY KEY (id AUTOINCREMENT),
    CONSTRAINT fk_events_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT uq_events_workspace_id_connector_event_key UNIQUE (workspace_id, connector, event_key)
) STRICT;

CREATE INDEX ix_events_pending ON events (workspace_id, connector, id) WHERE status = 'PENDING';
CREATE INDEX ix_events_unfinished ON events (workspace_id, connector, ordering_key, id) WHERE status IN ('PENDING', 'DELIVERING');
CREATE INDEX ix_events_delivering ON events (workspace_id, claimed_at) WHERE status = 'DELIVERING';
CREATE INDEX ix_events_dead ON events (workspace_id, connector, id) WHERE status = 'DEAD';
CREATE INDEX ix_events_workspace_id_connector_finished_at ON events (workspace_id, connector, finished_at);
