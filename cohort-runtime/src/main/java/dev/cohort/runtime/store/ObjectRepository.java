package dev.cohort.runtime.store;

import java.util.List;
import java.util.Optional;

/**
 * The objects of one workspace. Names are unique per kind. Thread-safe when obtained from
 * {@link MetadataStore#objects(long)}; the one given to {@link MetadataStore#inTransaction} belongs to
 * the thread running that transaction.
 */
public interface ObjectRepository {
    /** All objects of a kind, ordered by name (Unicode code point order). */
    List<StoredObject> list(ObjectKind kind);

    Optional<StoredObject> find(ObjectKind kind, String name);

    /**
     * Creates or replaces an object. The version rises only when the spec, state or secret differ
     * from what is stored; an identical put changes nothing (not even {@code updatedAt}). A null
     * {@code stateJson} is stored as {@code "{}"}; a null {@code sealedSecret} as no secret.
     */
    StoredObject put(ObjectKind kind, String name, String specJson, String stateJson, byte[] sealedSecret);

    /**
     * Replaces only the derived state, raising the version if it differs. Fails with
     * {@link StoreException#OBJECT_NOT_FOUND} if absent.
     */
    StoredObject updateState(ObjectKind kind, String name, String stateJson);

    /** Removes an object; false when there was none. */
    boolean delete(ObjectKind kind, String name);
}
