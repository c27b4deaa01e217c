package dev.cohort.runtime.store;

import java.util.List;
import java.util.Optional;

/** The objects of one workspace. Names are unique per kind. */
public interface ObjectRepository {
    /** All objects of a kind, ordered by name. */
    List<StoredObject> list(ObjectKind kind);

    Optional<StoredObject> find(ObjectKind kind, String name);

    /**
     * Creates or replaces an object. The version rises only when the spec, state or secret differ
     * from what is stored; an identical put changes nothing (not even {@code updatedAt}).
     */
    StoredObject put(ObjectKind kind, String name, String specJson, String stateJson, byte[] sealedSecret);

    /** Replaces only the derived state. Fails with {@link StoreException#OBJECT_NOT_FOUND} if absent. */
    StoredObject updateState(ObjectKind kind, String name, String stateJson);

    /** Removes an object; false when there was none. */
    boolean delete(ObjectKind kind, String name);
}
