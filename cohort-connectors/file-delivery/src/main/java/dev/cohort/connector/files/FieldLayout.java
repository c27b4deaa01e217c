package dev.cohort.connector.files;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which columns a file has, in which order. {@link #ofTemplate()}: the data template's fields as they
 * come. {@link #fixed}: a partner's fixed layout (Koupon Media's 29 columns), into which the
 * template's fields are placed by name; layout columns the template does not map are written empty.
 * Immutable.
 */
public final class FieldLayout {
    public static final ErrorCode FIELD_NOT_IN_LAYOUT = ErrorCode.user("FIELD_NOT_IN_LAYOUT");
    private static final FieldLayout TEMPLATE = new FieldLayout(null, true);
    private final List<String> columns;
    private final boolean caseSensitive;

    private FieldLayout(List<String> columns, boolean caseSensitive) {
        this.columns = columns;
        this.caseSensitive = caseSensitive;
    }

    public static FieldLayout ofTemplate() {
        return TEMPLATE;
    }

    /**
     * @param columns       the file's columns in order (also its header)
     * @param caseSensitive whether template fields must match a column's case exactly
     */
    public static FieldLayout fixed(List<String> columns, boolean caseSensitive) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a fixed layout needs columns");
        }
        return new FieldLayout(List.copyOf(columns), caseSensitive);
    }

    /**
     * Places the delivery's fields.
     *
     * @param fields the data template's fields, in the order of the rows' values
     * @throws CohortException ({@link #FIELD_NOT_IN_LAYOUT}) naming every field the layout lacks
     */
    public Bound bind(List<String> fields) {
        if (columns == null) {
            return new Bound(List.copyOf(fields), null);
        }
        int[] targets = new int[fields.size()];
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            targets[i] = indexOf(fields.get(i));
            if (targets[i] < 0) {
                unknown.add(fields.get(i));
            }
        }
        if (!unknown.isEmpty()) {
            throw new CohortException(FIELD_NOT_IN_LAYOUT, "The data template maps " + String.join(", ", unknown)
                    + ", which the file layout does not have; its columns are: " + String.join(", ", columns));
        }
        return new Bound(columns, targets);
    }

    private int indexOf(String field) {
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            if (caseSensitive ? column.equals(field) : column.toLowerCase(Locale.ROOT).equals(field.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A layout bound to one delivery's fields. {@link #arrange} reuses one array (no allocation per
     * row): its result is valid until the next call. One thread.
     */
    public static final class Bound {
        private final List<String> header;
        private final int[] targets;
        private final String[] arranged;

        private Bound(List<String> header, int[] targets) {
            this.header = Objects.requireNonNull(header);
            this.targets = targets;
            this.arranged = targets == null ? null : new String[header.size()];
        }

        /** The file's columns, in order. */
        public List<String> header() {
            return header;
        }

        /** Whether rows are written as they come: the file has exactly the fields, in their order. */
        public boolean isIdentity() {
            if (targets == null) {
                return true;
            }
            if (targets.length != header.size()) {
                return false;
            }
            for (int i = 0; i < targets.length; i++) {
                if (targets[i] != i) {
                    return false;
                }
            }
            return true;
        }

        /** The row's values in the file's column order. */
        public String[] arrange(String[] row) {
            if (targets == null) {
                return row;
            }
            Arrays.fill(arranged, null);
            int count = Math.min(row.length, targets.length);
            for (int i = 0; i < count; i++) {
                arranged[targets[i]] = row[i];
            }
            return arranged;
        }
    }
}
