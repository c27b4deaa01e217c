-- Conventions: see db/README.md.

CREATE TABLE workspaces (
    id            bigint         GENERATED ALWAYS AS IDENTITY,
    name          text COLLATE "C" NOT NULL,
    kind          text           NOT NULL,
    master_key_id text           NOT NULL,
    created_at    timestamptz(3) NOT NULL,
    CONSTRAINT pk_workspaces PRIMARY KEY (id),
    CONSTRAINT uq_workspaces_name UNIQUE (name)
);

CREATE TABLE objects (
    id            bigint         GENERATED ALWAYS AS IDENTITY,
    workspace_id  bigint         NOT NULL,
    kind          text           NOT NULL,
    name          text COLLATE "C" NOT NULL,
    spec_json     text           NOT NULL,
    spec_hash     text           NOT NULL,
    state_json    text           NOT NULL,
    sealed_secret bytea,
    version       bigint         NOT NULL,
    created_at    timestamptz(3) NOT NULL,
    updated_at    timestamptz(3) NOT NULL,
    CONSTRAINT pk_objects PRIMARY KEY (id),
    CONSTRAINT fk_objects_workspace_id FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT uq_objects_workspace_id_kind_name UNIQUE (workspace_id, kind, name)
);
