package dev.cohort.spi.destination;

import java.util.Objects;

/**
 * A file a destination published.
 *
 * @param name     its name where the partner looks
 * @param location where that is ({@code sftp://host:22/incoming}), without credentials
 * @param bytes    its size as published (after compression)
 * @param sha256   SHA-256 of its bytes as published, lower-case hex
 * @param rows     data rows in it (not counting a header)
 */
public record DeliveredFile(String name, String location, long bytes, String sha256, long rows) {
    public DeliveredFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sha256, "sha256");
    }
}
