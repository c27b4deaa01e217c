package dev.cohort.runtime.store;

import dev.cohort.model.WorkspaceKind;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The metadata store. Thread-safe. Open one with {@link MetadataStores#open(String)}; the schema is
 * migrated to the current version when it is opened. Timestamps are UTC at millisecond precision on
 * every backend; names are ordered by Unicode code point.
 */
public interface MetadataStore extends AutoCloseable {
    /** {@code sqlite} or {@code postgresql}. */
    String backend();

    /** All workspaces, ordered by name. */
    List<WorkspaceRecord> workspaces();

    Optional<WorkspaceRecord> findWorkspace(String name);

    /**
     * Creates a workspace; fails with {@link StoreException#ALREADY_EXISTS} if the name is taken.
     *
     * @param masterKeyId the {@code MasterKey.keyId()} its credentials will be sealed under
     */
    WorkspaceRecord createWorkspace(String name, WorkspaceKind kind, String masterKeyId);

    /**
     * The objects of a workspace, each call in its own transaction. Fails with
     * {@link StoreException#OBJECT_NOT_FOUND} if there is no workspace with that id.
     */
    ObjectRepository objects(long workspaceId);

    /**
     * The runs of a workspace; each change is its own transaction. Fails with
     * {@link StoreException#OBJECT_NOT_FOUND} if there is no workspace with that id.
     */
    RunRepository runs(long workspaceId);

    /** The schedules of a workspace's automatic orchestrations. */
    ScheduleRepository schedules(long workspaceId);

    /** The notification feed of a workspace. */
    NotificationRepository notifications(long workspaceId);

    /** The event queue of a workspace's event connectors. */
    EventRepository events(long workspaceId);

    /** API tokens and users, shared by every workspace of the store. */
    AccessRepository access();

    /**
     * Runs {@code work} in one transaction: all its changes are kept, or none (on an exception, which is
     * rethrown as it is). {@code work} must use only the repository it is given: transactions do not
     * nest, and calling back into this store from inside may be refused or wait on the other connection.
     */
    <T> T inTransaction(long workspaceId, Function<ObjectRepository, T> work);

    @Override
    void close();
}
