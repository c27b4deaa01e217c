package dev.cohort.testing.destination;

import java.nio.file.Path;

/**
 * Where a test destination writes.
 *
 * @param folder  the folder files go to
 * @param failOn  a row number at which {@code write} fails with a transient error (0: never)
 * @param reject  a text: rows whose first field contains it are rejected (empty: none)
 * @param encoded whether it takes rows already encoded by the engine (RFC 4180 CSV)
 * @param delayMillis how long {@code finish} takes, like a slow partner (0: at once)
 * @param ledger  whether each published file is also recorded as a line {@code <run id> <object>} in
 *                {@code <folder>/ledger.txt}, so a test can see which runs published, and how often
 * @param partnerTimeoutMillis when above 0, the delivery is completed by a (test) partner later: the file is also
 *                lent through the run's file host when it has one, {@code <run id> <callback URL> <file URL>} is
 *                appended to {@code <folder>/callbacks.txt}, and the run waits this long for a report
 *                ({@code completed <accepted> <rejected>} or {@code failed <reason>}) on its callback URL
 */
public record FolderConfig(Path folder, long failOn, String reject, boolean encoded, long delayMillis, boolean ledger,
                           long partnerTimeoutMillis) {
    public FolderConfig(Path folder, long failOn, String reject, boolean encoded) {
        this(folder, failOn, reject, encoded, 0, false, 0);
    }
}
