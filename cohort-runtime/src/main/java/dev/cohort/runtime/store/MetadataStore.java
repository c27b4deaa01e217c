package dev.cohort.runtime.store;

import dev.cohort.model.WorkspaceKind;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The metadata store. Thread-safe. Open one with {@link MetadataStores#open(String)}; the schema is
 * migrated to the current version when it is opened.
 */
public interface MetadataStore extends AutoCloseable {
    /** {@code sqlite} or {@code postgresql}. */
    String backend();

    List<WorkspaceRecord> workspaces();

    Optional<WorkspaceRecord> findWorkspace(String name);

    /** Creates a workspace; fails with {@link StoreException#ALREADY_EXISTS} if the name is taken. */
    WorkspaceRecord createWorkspace(String name, WorkspaceKind kind, String masterKeyId);

    /** The objects of a workspace, each call in its own transaction. */
    ObjectRepository objects(long workspaceId);

    /** Runs {@code work} in one transaction: all its changes are kept, or none (on an exception). */
    <T> T inTransaction(long workspaceId, Function<ObjectRepository, T> work);

    @Override
    void close();
}
