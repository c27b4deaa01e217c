package dev.cohort.connector.files;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What a {@link FileDeliveryWriter} writes and how it publishes. Immutable; build with
 * {@link #builder(FileNamer)} or bind the generic settings with {@link FileDeliverySettings#bind}.
 *
 * @param format          the CSV format
 * @param fileNamer       names each file (and the {@code .DONE} marker)
 * @param timeZone        the zone of the time in file names, or null for the run's own zone
 * @param layout          the file's columns: the template's, or a fixed layout
 * @param rowValidator    extra per-row checks (the format's own are always applied first)
 * @param gzip            whether files are gzip-compressed
 * @param splitRows       the most data rows per file; 0 for a single file
 * @param doneFile        whether an empty {@code .DONE} marker is published after all files
 * @param replaceExisting whether a file with the same final name may be replaced (atomically, where the
 *                        server can); when false, an existing name fails the delivery
 */
public record FileDeliveryOptions(CsvFormat format, FileNamer fileNamer, ZoneId timeZone, FieldLayout layout,
                                  RowValidator rowValidator, boolean gzip, long splitRows, boolean doneFile,
                                  boolean replaceExisting) {
    public FileDeliveryOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(fileNamer, "fileNamer");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(rowValidator, "rowValidator");
        if (splitRows < 0) {
            throw new IllegalArgumentException("splitRows must be 0 (one file) or positive");
        }
    }

    public static Builder builder(FileNamer fileNamer) {
        return new Builder(fileNamer);
    }

    /** A builder; defaults: {@link CsvFormat#DEFAULT}, the run's time zone, the template's fields, one uncompressed file, no marker, replace. */
    public static final class Builder {
        private final FileNamer fileNamer;
        private CsvFormat format = CsvFormat.DEFAULT;
        private ZoneId timeZone;
        private FieldLayout layout = FieldLayout.ofTemplate();
        private RowValidator rowValidator = RowValidator.ACCEPT_ALL;
        private boolean gzip;
        private long splitRows;
        private boolean doneFile;
        private boolean replaceExisting = true;

        private Builder(FileNamer fileNamer) {
            this.fileNamer = Objects.requireNonNull(fileNamer, "fileNamer");
        }

        public Builder format(CsvFormat value) {
            this.format = value;
            return this;
        }

        public Builder timeZone(ZoneId value) {
            this.timeZone = value;
            return this;
        }

        public Builder layout(FieldLayout value) {
            this.layout = value;
            return this;
        }

        public Builder rowValidator(RowValidator value) {
            this.rowValidator = value;
            return this;
        }

        public Builder gzip(boolean value) {
            this.gzip = value;
            return this;
        }

        public Builder splitRows(long value) {
            this.splitRows = value;
            return this;
        }

        public Builder doneFile(boolean value) {
            this.doneFile = value;
            return this;
        }

        public Builder replaceExisting(boolean value) {
            this.replaceExisting = value;
            return this;
        }

        public FileDeliveryOptions build() {
            return new FileDeliveryOptions(format, fileNamer, timeZone, layout, rowValidator, gzip, splitRows, doneFile, replaceExisting);
        }
    }
}
