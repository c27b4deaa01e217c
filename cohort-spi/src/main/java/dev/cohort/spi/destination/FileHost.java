package dev.cohort.spi.destination;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Serves files that a partner fetches itself (Insider One downloads a segment from a URL): each at an
 * unguessable URL, signed and valid for a limited time, then removed. The Cohort server provides it
 * ({@link WriteContext#fileHost()}); a run without a server that partners can reach has none.
 */
public interface FileHost {
    /**
     * Takes {@code file} over (moved, or copied when it cannot be moved) and serves it under {@code name}.
     *
     * @param name what the partner sees at the end of the URL: letters, digits, {@code .}, {@code _}, {@code -}
     */
    Link lend(Path file, String name);

    /**
     * A lent file.
     *
     * @param url       where the partner downloads it
     * @param expiresAt when the URL stops working and the file is removed
     */
    record Link(URI url, Instant expiresAt) {}
}
