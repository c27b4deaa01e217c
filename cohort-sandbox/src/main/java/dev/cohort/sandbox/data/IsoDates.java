package dev.cohort.sandbox.data;

import java.time.LocalDate;

/**
 * The calendar of the synthetic data, fixed so output never depends on today's date, and ISO-8601
 * strings for its days, formatted once and shared.
 */
final class IsoDates {
    /** The day the data describes: nothing happens after it. */
    static final int AS_OF = (int) LocalDate.of(2025, 12, 31).toEpochDay();
    /** The loyalty programme's launch: the first signup. */
    static final int PROGRAMME_START = (int) LocalDate.of(2012, 1, 1).toEpochDay();

    private static final int FIRST = (int) LocalDate.of(1900, 1, 1).toEpochDay();
    private static final String[] FORMATTED = new String[AS_OF - FIRST + 1];

    static {
        for (int day = FIRST; day <= AS_OF; day++) {
            FORMATTED[day - FIRST] = LocalDate.ofEpochDay(day).toString();
        }
    }

    private IsoDates() {
    }

    /** {@code yyyy-MM-dd} for a day between 1900-01-01 and {@link #AS_OF}. */
    static String format(int epochDay) {
        return FORMATTED[epochDay - FIRST];
    }

    static int year(int epochDay) {
        return Integer.parseInt(format(epochDay), 0, 4, 10);
    }
}
