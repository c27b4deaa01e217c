package dev.cohort.connector.insider;

import java.util.Locale;

/**
 * What a run does to the segment. Insider One documents one way to change a segment — download it, change
 * it, upload it again — so {@link #ADD} and {@link #REMOVE} download the current segment and merge on disk
 * before uploading the whole segment again.
 */
public enum SegmentMode {
    /** The segment becomes exactly the run's values. */
    REPLACE,
    /** The run's values are added to the segment's (each value once). */
    ADD,
    /** The run's values are taken out of the segment. */
    REMOVE;

    /** The name in settings: {@code replace}, {@code add} or {@code remove}. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
