package dev.cohort.sandbox.insider;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an uploaded file as Insider documents it — one column, no header, one value per row — and counts
 * its values: each line (LF, CRLF or CR, a leading UTF-8 byte order mark dropped) is trimmed; blank lines are
 * skipped; the rest are valid or invalid for the attribute. The valid values are kept once each, in order.
 * A header row or a quoted value is just a value, usually an invalid one.
 *
 * @param values the valid values, without duplicates
 * @param validCount valid rows, duplicates included
 * @param invalidCount rows that are not blank and not valid
 */
record SegmentFile(List<String> values, long validCount, long invalidCount) {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    static SegmentFile read(byte[] content, InsiderAttribute attribute) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        Set<String> values = new LinkedHashSet<>();
        long valid = 0;
        long invalid = 0;
        Iterator<String> lines = text.lines().iterator();
        while (lines.hasNext()) {
            String value = lines.next().strip();
            if (value.isEmpty()) {
                continue;
            }
            if (attribute.accepts(value)) {
                valid++;
                values.add(value);
            } else {
                invalid++;
            }
        }
        return new SegmentFile(List.copyOf(values), valid, invalid);
    }
}
