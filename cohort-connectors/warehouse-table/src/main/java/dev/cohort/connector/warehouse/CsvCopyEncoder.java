package dev.cohort.connector.warehouse;

import java.util.Arrays;

/**
 * Encodes rows as the CSV that PostgreSQL's {@code COPY … FROM STDIN WITH (FORMAT csv)} reads, straight
 * into UTF-8 bytes in a reusable buffer: every value quoted (so an empty string stays an empty string,
 * and a value of {@code \.} or holding commas, quotes or line breaks is read back exactly), a quote
 * inside doubled, SQL NULL as an unquoted empty field, LF after each row. A lone UTF-16 surrogate,
 * which no text can hold, becomes '?'. Not thread-safe.
 */
final class CsvCopyEncoder {
    private static final int INITIAL_CAPACITY = 1 << 16;
    private byte[] buffer = new byte[INITIAL_CAPACITY];
    private int size;

    /** Appends one row. */
    void encode(String[] row) {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            String value = row[i];
            if (value != null) {
                put((byte) '"');
                putQuoted(value);
                put((byte) '"');
            }
        }
        put((byte) '\n');
    }

    /** The encoded bytes: {@code buffer()[0 .. size())}. */
    byte[] buffer() {
        return buffer;
    }

    int size() {
        return size;
    }

    /** Forgets the bytes (after they were sent); a buffer grown for one huge row shrinks back. */
    void clear() {
        size = 0;
        if (buffer.length > 16 * INITIAL_CAPACITY) {
            buffer = new byte[INITIAL_CAPACITY];
        }
    }

    private void putQuoted(String value) {
        ensure(value.length() * 3); // a char takes at most 3 bytes; a doubled quote 2; a surrogate pair 4 for 2 chars
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c == '"') {
                    buffer[size++] = '"';
                }
                buffer[size++] = (byte) c;
            } else if (c < 0x800) {
                buffer[size++] = (byte) (0xC0 | (c >> 6));
                buffer[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                buffer[size++] = (byte) (0xF0 | (codePoint >> 18));
                buffer[size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                buffer[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                buffer[size++] = (byte) (0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                buffer[size++] = '?';
            } else {
                buffer[size++] = (byte) (0xE0 | (c >> 12));
                buffer[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    private void put(byte b) {
        ensure(1);
        buffer[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
