-- Conventions: see db/README.md.

CREATE TABLE workspaces (
    id            INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    master_key_id TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    CONSTRAINT pk_workspaces PRIMARY KEY (id AUTOINCREMENT),
    CONSTRAINT uq_workspaces_name UNIQUE (name)
) STRICT;

CREATE TABLE objects (
    id            INTEGER NOT NULL,
    workspace_id  INTEGER NOT NULL,
    kind          TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    spec_json     TEXT    NOT NULL,
    spec_hash     TEXT    NOT NULL,
    state_json    TEXT    NOT NULL,
    sealed_secret BLOB,
    version       INTEGER NOT NULL,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    CONSTRAINT pk_objects PRIMARY KEY (id AUTOINCREMENT),
    CONSTRAINT fk_objects_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT uq_objects_workspace_id_kind_name UNIQUE (workspace_id, kind, name)
) STRICT;
