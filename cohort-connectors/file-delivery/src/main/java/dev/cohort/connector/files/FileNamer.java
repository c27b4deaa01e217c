package dev.cohort.connector.files;

import java.util.List;

/**
 * Names the files of a delivery. {@link FileNameTemplate} is the configurable one; a partner with its
 * own naming rule (CrowdTwist's {@code <SEGMENT>_YYYYMMDD_<version>.csv}) implements this, and may list
 * the remote folder through {@link FileNameRequest#existingNames()}. The writer checks each name
 * ({@link FileNames#requireValid}) and uploads under a temporary name until the delivery is finished.
 */
@FunctionalInterface
public interface FileNamer {
    /** The final name of file number {@link FileNameRequest#fileNumber()} of the delivery. */
    String fileName(FileNameRequest request);

    /**
     * The name of the empty success marker written after all files. By default the first file's base
     * name ({@code audience_20240131.csv.gz} → {@code audience_20240131.DONE}).
     *
     * @param fileNames the delivered files' final names, in order
     */
    default String doneMarkerName(List<String> fileNames, FileNameRequest request) {
        return FileNames.baseName(fileNames.get(0)) + ".DONE";
    }
}
