package dev.cohort.connector.files;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import java.nio.charset.StandardCharsets;

/** Rules for remote file names shared by every namer. */
public final class FileNames {
    public static final ErrorCode INVALID_FILE_NAME = ErrorCode.user("INVALID_FILE_NAME");
    private static final int MAX_BYTES = 255;

    private FileNames() {}

    /**
     * A text made safe to appear in a name: '/', '\' and control characters become '_'.
     * For values put into names (an orchestration's or query's name, a run id).
     */
    public static String sanitize(String value) {
        StringBuilder safe = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            safe.append(c == '/' || c == '\\' || Character.isISOControl(c) ? '_' : c);
        }
        return safe.toString();
    }

    /**
     * @throws CohortException ({@link #INVALID_FILE_NAME}) when the name is empty, "." or "..", holds
     *                         '/' or a control character, or is longer than 255 bytes
     */
    public static String requireValid(String name) {
        String problem = name.isEmpty() ? "is empty"
                : name.equals(".") || name.equals("..") ? "is not a file name"
                : name.indexOf('/') >= 0 ? "contains '/': a file name cannot name a folder (put folders in remote_folder)"
                : name.chars().anyMatch(Character::isISOControl) ? "contains a control character"
                : name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES ? "is longer than 255 bytes"
                : null;
        if (problem != null) {
            throw new CohortException(INVALID_FILE_NAME, "The file name '" + sanitize(name) + "' " + problem + "; change file_name");
        }
        return name;
    }

    /** The name without its compression suffix and extension: {@code a_1.csv.gz} → {@code a_1}. */
    public static String baseName(String name) {
        String base = stripCompression(name);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /** {@code text} inserted before the extension: ({@code a.csv}, {@code _0000001}) → {@code a_0000001.csv}. */
    public static String insertBeforeExtension(String name, String text) {
        String base = stripCompression(name);
        String compression = name.substring(base.length());
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) + text + base.substring(dot) + compression : base + text + compression;
    }

    /**
     * The name a file is uploaded under until the delivery is finished: hidden, in the same folder,
     * and never matching a partner's pattern for the final name ({@code .a.csv.<run>.part}).
     */
    public static String temporaryName(String finalName, String runId) {
        return "." + finalName + "." + sanitize(runId) + ".part";
    }

    private static String stripCompression(String name) {
        return name.endsWith(".gz") && name.length() > 3 ? name.substring(0, name.length() - 3) : name;
    }
}
