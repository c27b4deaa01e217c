package dev.cohort.connector.files;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.List;
import java.util.Optional;

/** Rejects rows with a value the file's charset cannot hold (an emoji in ISO-8859-1), instead of writing '?'. */
final class EncodableValues implements RowValidator {
    private final Charset charset;
    private final CharsetEncoder encoder;

    EncodableValues(Charset charset) {
        this.charset = charset;
        this.encoder = charset.newEncoder();
    }

    @Override
    public Optional<String> check(String[] row, List<String> fields) {
        for (int i = 0; i < row.length; i++) {
            String value = row[i];
            if (value != null && !isAscii(value) && !encoder.canEncode(value)) {
                return Optional.of("field " + UnquotedValues.fieldName(fields, i) + ": contains characters that " + charset.name()
                        + " cannot hold; use charset UTF-8");
            }
        }
        return Optional.empty();
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }
}
