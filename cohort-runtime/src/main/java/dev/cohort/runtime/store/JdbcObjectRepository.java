package dev.cohort.runtime.store;

import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/** The objects of one workspace, on either backend: the SQL is the same, the {@link Dialect} binds time. */
final class JdbcObjectRepository implements ObjectRepository {
    private static final String SELECT = "SELECT " + Rows.OBJECT_COLUMNS + " FROM objects"
            + " WHERE workspace_id = :workspace AND kind = :kind";

    /** Inserts, or updates and bumps the version only when something differs: an equal put leaves the row untouched. */
    private static final String UPSERT = """
            INSERT INTO objects (workspace_id, kind, name, spec_json, spec_hash, state_json, sealed_secret,
                                 version, created_at, updated_at)
            VALUES (:workspace, :kind, :name, :spec, :specHash, :state, :secret, 1, :now, :now)
            ON CONFLICT (workspace_id, kind, name) DO UPDATE SET
                spec_json = excluded.spec_json,
                spec_hash = excluded.spec_hash,
                state_json = excluded.state_json,
                sealed_secret = excluded.sealed_secret,
                version = objects.version + 1,
                updated_at = excluded.updated_at
            WHERE objects.spec_json <> excluded.spec_json
               OR objects.state_json <> excluded.state_json
               OR objects.sealed_secret IS DISTINCT FROM excluded.sealed_secret
            """;

    private static final String UPDATE_STATE = """
            UPDATE objects SET state_json = :state, version = version + 1, updated_at = :now
            WHERE workspace_id = :workspace AND kind = :kind AND name = :name AND state_json <> :state
            """;

    private final WorkspaceRecord workspace;
    private final HandleRunner runner;
    private final Database database;
    private final Clock clock;

    JdbcObjectRepository(WorkspaceRecord workspace, HandleRunner runner, Database database, Clock clock) {
        this.workspace = workspace;
        this.runner = runner;
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<StoredObject> list(ObjectKind kind) {
        Objects.requireNonNull(kind, "kind");
        return guarded("listing the " + kind.label() + " objects of workspace '" + workspace.name() + "'",
                () -> runner.read(handle -> handle.createQuery(SELECT + " ORDER BY name")
                        .bind("workspace", workspace.id())
                        .bind("kind", kind.name())
                        .map(Rows.object(database.dialect()))
                        .list()));
    }

    @Override
    public Optional<StoredObject> find(ObjectKind kind, String name) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        return guarded("reading " + describe(kind, name), () -> runner.read(handle -> select(handle, kind, name)));
    }

    @Override
    public StoredObject put(ObjectKind kind, String name, String specJson, String stateJson, byte[] sealedSecret) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specJson, "specJson");
        String state = stateJson == null ? "{}" : stateJson;
        return guarded("saving " + describe(kind, name), () -> runner.write(handle -> {
            var update = handle.createUpdate(UPSERT)
                    .bind("workspace", workspace.id())
                    .bind("kind", kind.name())
                    .bind("name", name)
                    .bind("spec", specJson)
                    .bind("specHash", SpecHash.of(specJson))
                    .bind("state", state)
                    .bind("now", database.dialect().timestamp(clock.instant()));
            if (sealedSecret == null) {
                update.bindNull("secret", Types.VARBINARY);
            } else {
                update.bind("secret", sealedSecret);
            }
            update.execute();
            return select(handle, kind, name).orElseThrow();
        }));
    }

    @Override
    public StoredObject updateState(ObjectKind kind, String name, String stateJson) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        String state = stateJson == null ? "{}" : stateJson;
        return guarded("saving the state of " + describe(kind, name), () -> runner.write(handle -> {
            handle.createUpdate(UPDATE_STATE)
                    .bind("workspace", workspace.id())
                    .bind("kind", kind.name())
                    .bind("name", name)
                    .bind("state", state)
                    .bind("now", database.dialect().timestamp(clock.instant()))
                    .execute();
            return select(handle, kind, name).orElseThrow(() -> new StoreException(StoreException.OBJECT_NOT_FOUND,
                    "There is no " + describe(kind, name) + ". Apply the workspace to create it."));
        }));
    }

    @Override
    public boolean delete(ObjectKind kind, String name) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        return guarded("deleting " + describe(kind, name), () -> runner.write(handle -> handle
                .createUpdate("DELETE FROM objects WHERE workspace_id = :workspace AND kind = :kind AND name = :name")
                .bind("workspace", workspace.id())
                .bind("kind", kind.name())
                .bind("name", name)
                .execute() > 0));
    }

    private Optional<StoredObject> select(Handle handle, ObjectKind kind, String name) {
        return handle.createQuery(SELECT + " AND name = :name")
                .bind("workspace", workspace.id())
                .bind("kind", kind.name())
                .bind("name", name)
                .map(Rows.object(database.dialect()))
                .findOne();
    }

    private String describe(ObjectKind kind, String name) {
        return kind.label() + " '" + name + "' of workspace '" + workspace.name() + "'";
    }

    private <T> T guarded(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw database.failure(action, e);
        }
    }
}
