package dev.cohort.connector.files;

import dev.cohort.spi.destination.WriteContext;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a {@link FileNamer} may use to name a file. The remote folder is listed only if the namer asks,
 * once per request. One thread.
 */
public final class FileNameRequest {
    private final WriteContext context;
    private final ZonedDateTime now;
    private final int fileNumber;
    private final boolean split;
    private final boolean gzip;
    private final Supplier<List<String>> lister;
    private List<String> existingNames;

    private FileNameRequest(WriteContext context, ZonedDateTime now, int fileNumber, boolean split, boolean gzip,
                            Supplier<List<String>> lister) {
        this.context = Objects.requireNonNull(context, "context");
        this.now = Objects.requireNonNull(now, "now");
        this.fileNumber = fileNumber;
        this.split = split;
        this.gzip = gzip;
        this.lister = Objects.requireNonNull(lister, "lister");
    }

    /**
     * @param zone          the time zone of {@link #now()}: the run's start in it
     * @param fileNumber    the file's number in the delivery, from 1
     * @param split         whether the delivery is split into several files (each then needs a number)
     * @param gzip          whether the file is gzip-compressed
     * @param existingNames lists the remote folder
     */
    public static FileNameRequest of(WriteContext context, ZoneId zone, int fileNumber, boolean split, boolean gzip,
                                     Supplier<List<String>> existingNames) {
        return new FileNameRequest(context, context.startedAt().atZone(zone), fileNumber, split, gzip, existingNames);
    }

    public WriteContext context() {
        return context;
    }

    /** When the run started, in the configured time zone: the time file names show. */
    public ZonedDateTime now() {
        return now;
    }

    /** This file's number in the delivery, from 1. */
    public int fileNumber() {
        return fileNumber;
    }

    public boolean split() {
        return split;
    }

    public boolean gzip() {
        return gzip;
    }

    /** The names in the remote folder (listed on the first call). */
    public List<String> existingNames() {
        if (existingNames == null) {
            existingNames = List.copyOf(lister.get());
        }
        return existingNames;
    }
}
