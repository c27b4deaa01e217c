package dev.cohort.runtime.store;

import dev.cohort.model.WorkspaceKind;
import java.time.Instant;

/**
 * A workspace known to the store. One store may hold several workspaces (PostgreSQL shared by a team);
 * every object belongs to exactly one.
 *
 * @param masterKeyId the id of the master key its credentials are encrypted under (not the key)
 */
public record WorkspaceRecord(long id, String name, WorkspaceKind kind, String masterKeyId, Instant createdAt) {}
