-- Conventions: see db/README.md.
-- The event queue: every event an event connector accepted, kept until delivered (and after, as its history).
-- An event is stored before its request is answered; workers claim PENDING events with row locks
-- (FOR UPDATE SKIP LOCKED), in order per ordering_key (a wallet), move them to DELIVERING and then to
-- DELIVERED, back to PENDING for a retry (available_at later), or to DEAD (the dead letters, replayable).
-- event_key is the partner's idempotency key (AIR's eesEventId, a wallet transaction reference): a second
-- event with the same key is a duplicate and is not stored again.
CREATE TABLE events (
    id            bigint           GENERATED ALWAYS AS IDENTITY,
    workspace_id  bigint           NOT NULL,
    connector     text COLLATE "C" NOT NULL,
    direction     text             NOT NULL,
    event_key     text COLLATE "C" NOT NULL,
    ordering_key  text COLLATE "C" NOT NULL,
    event_type    text             NOT NULL,
    status        text             NOT NULL,
    payload       text             NOT NULL,
    attempts      integer          NOT NULL,
    received_at   timestamptz(3)   NOT NULL,
    available_at  timestamptz(3)   NOT NULL,
    claimed_at    timestamptz(3),
    claimed_by    text,
    finished_at   timestamptz(3),
    outcome_code  text,
    outcome       text,
    CONSTRAINT pk_events PRIMARY KEY (id),
    CONSTRAINT fk_events_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT uq_events_workspace_id_connector_event_key UNIQUE (workspace_id, connector, event_key)
);

-- Claiming: the pending events of a connector, oldest first, and the earlier unfinished events of the same
-- ordering key (which hold later ones back).
CREATE INDEX ix_events_pending ON events (workspace_id, connector, id) WHERE status = 'PENDING';
CREATE INDEX ix_events_unfinished ON events (workspace_id, connector, ordering_key, id) WHERE status IN ('PENDING', 'DELIVERING');
CREATE INDEX ix_events_delivering ON events (workspace_id, claimed_at) WHERE status = 'DELIVERING';
CREATE INDEX ix_events_dead ON events (workspace_id, connector, id) WHERE status = 'DEAD';
CREATE INDEX ix_events_workspace_id_connector_finished_at ON events (workspace_id, connector, finished_at);
