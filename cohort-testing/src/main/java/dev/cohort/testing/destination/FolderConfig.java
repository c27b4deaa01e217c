package dev.cohort.testing.destination;

import java.nio.file.Path;

/**
 * Where a test destination writes.
 *
 * @param folder  the folder files go to
 * @param failOn  a row number at which {@code write} fails with a transient error (0: never)
 * @param reject  a text: rows whose first field contains it are rejected (empty: none)
 * @param encoded whether it takes rows already encoded by the engine (RFC 4180 CSV)
 */
public record FolderConfig(Path folder, long failOn, String reject, boolean encoded) {}
