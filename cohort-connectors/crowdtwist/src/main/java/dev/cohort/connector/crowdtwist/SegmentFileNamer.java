package dev.cohort.connector.crowdtwist;

import dev.cohort.connector.files.FileNameRequest;
import dev.cohort.connector.files.FileNamer;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CrowdTwist's file name: {@code <SEGMENT_NAME>_YYYYMMDD_<4-digit version>.csv}, spaces in the segment
 * name written as {@code _}. The version must rise within a day, or CrowdTwist ignores the file: it is
 * the run's time of day ({@code HHmm}) unless a file of that day already has that version or a higher
 * one, in which case it is the next free number.
 */
final class SegmentFileNamer implements FileNamer {
    static final ErrorCode NO_VERSION_LEFT = ErrorCode.user("CROWDTWIST_NO_VERSION_LEFT");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm", Locale.ROOT);
    private final String segment;

    SegmentFileNamer(String segmentName) {
        this.segment = fileSegment(segmentName);
    }

    /** The segment name as it stands in file names. */
    static String fileSegment(String segmentName) {
        return segmentName.strip().replaceAll("\\s+", "_");
    }

    @Override
    public String fileName(FileNameRequest request) {
        String day = DAY.format(request.now());
        int version = Integer.parseInt(TIME.format(request.now()));
        int highest = highestVersion(request.existingNames(), day);
        if (version <= highest) {
            version = highest + 1;
        }
        if (version > 9999) {
            throw new CohortException(NO_VERSION_LEFT, "segment " + segment + " already has version 9999 for " + day
                    + "; CrowdTwist's versions have 4 digits, so another file can be sent tomorrow");
        }
        return String.format(Locale.ROOT, "%s_%s_%04d.csv", segment, day, version);
    }

    @Override
    public String doneMarkerName(List<String> fileNames, FileNameRequest request) {
        throw new UnsupportedOperationException("CrowdTwist takes no .DONE marker");
    }

    private int highestVersion(List<String> names, String day) {
        Pattern pattern = Pattern.compile(Pattern.quote(segment + "_" + day + "_") + "(\\d{4})\\.csv", Pattern.CASE_INSENSITIVE);
        int highest = -1;
        for (String name : names) {
            Matcher matcher = pattern.matcher(name);
            if (matcher.matches()) {
                highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
            }
        }
        return highest;
    }
}
