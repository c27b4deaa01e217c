package dev.cohort.runtime.store;

import dev.cohort.model.WorkspaceKind;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/** The {@link MetadataStore} on a {@link Database}: SQLite or PostgreSQL, the same SQL. Thread-safe. */
final class JdbcMetadataStore implements MetadataStore {
    private static final String SELECT_WORKSPACES = "SELECT " + Rows.WORKSPACE_COLUMNS + " FROM workspaces";

    private final Database database;
    private final Clock clock;
    private final AtomicBoolean closed = new AtomicBoolean();

    JdbcMetadataStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public String backend() {
        return database.dialect().backend();
    }

    @Override
    public List<WorkspaceRecord> workspaces() {
        return guarded("listing the workspaces", () -> database.read(handle -> handle
                .createQuery(SELECT_WORKSPACES + " ORDER BY name")
                .map(Rows.workspace(database.dialect()))
                .list()));
    }

    @Override
    public Optional<WorkspaceRecord> findWorkspace(String name) {
        Objects.requireNonNull(name, "name");
        return guarded("reading workspace '" + name + "'", () -> database.read(handle -> workspaceNamed(handle, name)));
    }

    @Override
    public WorkspaceRecord createWorkspace(String name, WorkspaceKind kind, String masterKeyId) {
        requireText(name, "name");
        Objects.requireNonNull(kind, "kind");
        requireText(masterKeyId, "masterKeyId");
        ensureOpen();
        try {
            return database.write(handle -> {
                handle.createUpdate("INSERT INTO workspaces (name, kind, master_key_id, created_at)"
                                + " VALUES (:name, :kind, :masterKeyId, :now)")
                        .bind("name", name)
                        .bind("kind", kind.name())
                        .bind("masterKeyId", masterKeyId)
                        .bind("now", database.dialect().timestamp(clock.instant()))
                        .execute();
                return workspaceNamed(handle, name).orElseThrow();
            });
        } catch (JdbiException e) {
            SQLException sql = Causes.find(e, SQLException.class);
            if (sql != null && database.dialect().isUniqueViolation(sql)) {
                throw new StoreException(StoreException.ALREADY_EXISTS, "A workspace named '" + name
                        + "' already exists in the metadata store. Choose another name, or use the existing one.");
            }
            throw database.failure("creating workspace '" + name + "'", e);
        }
    }

    @Override
    public ObjectRepository objects(long workspaceId) {
        return new JdbcObjectRepository(existingWorkspace(workspaceId), database, database, clock);
    }

    @Override
    public RunRepository runs(long workspaceId) {
        return new JdbcRunRepository(existingWorkspace(workspaceId), database);
    }

    @Override
    public ScheduleRepository schedules(long workspaceId) {
        return new JdbcScheduleRepository(existingWorkspace(workspaceId), database);
    }

    @Override
    public NotificationRepository notifications(long workspaceId) {
        return new JdbcNotificationRepository(existingWorkspace(workspaceId), database);
    }

    @Override
    public EventRepository events(long workspaceId) {
        return new JdbcEventRepository(existingWorkspace(workspaceId), database);
    }

    @Override
    public AccessRepository access() {
        ensureOpen();
        return new JdbcAccessRepository(database);
    }

    @Override
    public <T> T inTransaction(long workspaceId, Function<ObjectRepository, T> work) {
        Objects.requireNonNull(work, "work");
        return guarded("running a transaction in workspace " + workspaceId, () -> database.write(handle -> {
            WorkspaceRecord workspace = workspaceWithId(handle, workspaceId);
            return work.apply(new JdbcObjectRepository(workspace, HandleRunner.within(handle), database, clock));
        }));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            database.close();
        }
    }

    private Optional<WorkspaceRecord> workspaceNamed(Handle handle, String name) {
        return handle.createQuery(SELECT_WORKSPACES + " WHERE name = :name")
                .bind("name", name)
                .map(Rows.workspace(database.dialect()))
                .findOne();
    }

    private WorkspaceRecord existingWorkspace(long id) {
        return guarded("reading workspace " + id, () -> database.read(handle -> workspaceWithId(handle, id)));
    }

    private WorkspaceRecord workspaceWithId(Handle handle, long id) {
        return handle.createQuery(SELECT_WORKSPACES + " WHERE id = :id")
                .bind("id", id)
                .map(Rows.workspace(database.dialect()))
                .findOne()
                .orElseThrow(() -> new StoreException(StoreException.OBJECT_NOT_FOUND,
                        "There is no workspace with id " + id + " in the metadata store; it may have been deleted."));
    }

    private <T> T guarded(String action, Supplier<T> work) {
        ensureOpen();
        try {
            return work.get();
        } catch (JdbiException e) {
            throw database.failure(action, e);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("The metadata store is closed");
        }
    }

    static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
