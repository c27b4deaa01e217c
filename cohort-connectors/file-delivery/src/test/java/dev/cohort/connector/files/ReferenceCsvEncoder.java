package dev.cohort.connector.files;

import dev.cohort.spi.destination.CsvEncoding;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes data lines by the rules of {@link CsvEncoding}'s javadoc alone, sharing no code with the
 * writer's encoders: the bytes an engine must produce to hand a delivery its rows already encoded.
 */
final class ReferenceCsvEncoder {
    private ReferenceCsvEncoder() {}

    static byte[] encode(CsvEncoding encoding, List<String[]> rows) {
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append(encoding.delimiter());
                }
                appendValue(encoding, row[i], text);
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendValue(CsvEncoding encoding, String value, StringBuilder text) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!encoding.quoteAll() && !needsQuotes(encoding, value)) {
            text.append(value);
            return;
        }
        text.append(encoding.quote());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == encoding.quote()) {
                text.append(encoding.escape());
            }
            text.append(c);
        }
        text.append(encoding.quote());
    }

    private static boolean needsQuotes(CsvEncoding encoding, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == encoding.delimiter() || c == encoding.quote() || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
