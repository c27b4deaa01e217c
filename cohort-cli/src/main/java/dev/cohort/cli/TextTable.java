package dev.cohort.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints rows as aligned columns, cutting long values, as {@code psql} and {@code duckdb} do. */
final class TextTable {
    private static final int MAX_WIDTH = 40;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    /** Adds a row; values are cut at 40 characters, except in the last column, which is shown whole. */
    TextTable row(List<String> values) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            cells.add(cell(values.get(i), i == values.size() - 1 ? Integer.MAX_VALUE : MAX_WIDTH));
        }
        rows.add(cells);
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line(out, headers, widths);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.println(rule);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        out.flush();
    }

    private static void line(PrintWriter out, List<String> values, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            text.append(i == 0 ? "" : " | ").append(values.get(i));
            if (i < values.size() - 1) {
                text.append(" ".repeat(widths[i] - values.get(i).length()));
            }
        }
        out.println(text);
    }

    private static String cell(String value, int maxWidth) {
        if (value == null) {
            return "NULL";
        }
        String flat = value.replace("\n", "\\n").replace("\r", "\\r").replace("\t", " ");
        return flat.length() > maxWidth ? flat.substring(0, maxWidth - 1) + "…" : flat;
    }
}
