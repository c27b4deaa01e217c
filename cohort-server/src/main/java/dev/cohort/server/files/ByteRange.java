package dev.cohort.server.files;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of an HTTP {@code Range} header ({@code bytes=100-199}, {@code bytes=100-},
 * {@code bytes=-50}), resolved against a file's size. Several ranges in one header are answered with the
 * whole file, as RFC 9110 allows.
 */
public record ByteRange(long first, long last) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    public long length() {
        return last - first + 1;
    }

    /** The range asked for, when the header is one range; empty for no header or several ranges. */
    public static Optional<Parsed> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return Optional.empty();
        }
        try {
            long first;
            long last;
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                first = Math.max(0, size - suffix);
                last = size - 1;
            } else {
                first = Long.parseLong(m.group(1));
                last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            }
            if (size == 0 || first >= size || first > last) {
                return Optional.of(new Parsed(null));
            }
            return Optional.of(new Parsed(new ByteRange(first, last)));
        } catch (NumberFormatException e) {
            return Optional.of(new Parsed(null));
        }
    }

    /** A parsed range header: the range, or null when it cannot be satisfied (answer 416). */
    public record Parsed(ByteRange range) {}

    /** At most {@code length} bytes of {@code in}; closing it closes {@code in}. */
    public static java.io.InputStream limited(java.io.InputStream in, long length) {
        return new java.io.FilterInputStream(in) {
            private long left = length;

            @Override
            public int read() throws java.io.IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) throws java.io.IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buffer, offset, (int) Math.min(count, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }
}
