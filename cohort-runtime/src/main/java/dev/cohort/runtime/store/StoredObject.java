package dev.cohort.runtime.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One workspace object as stored.
 *
 * @param specJson     the object's specification as JSON (its {@code cohort.yaml} shape)
 * @param specHash     SHA-256 (hex) of {@code specJson}: equal hashes mean nothing to apply
 * @param stateJson    what Cohort derived for the object (JSON object; "{}" when nothing)
 * @param sealedSecret for credentials, the values encrypted under the master key; else null
 * @param version      starts at 1, rises by one with every change to spec, state or secret
 */
public record StoredObject(ObjectKind kind, String name, String specJson, String specHash, String stateJson,
                           byte[] sealedSecret, long version, Instant createdAt, Instant updatedAt) {
    public StoredObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specJson, "specJson");
        Objects.requireNonNull(specHash, "specHash");
        stateJson = stateJson == null ? "{}" : stateJson;
    }

    @Override
    public String toString() {
        return "StoredObject[" + kind.label() + " " + name + " v" + version + "]";
    }
}
