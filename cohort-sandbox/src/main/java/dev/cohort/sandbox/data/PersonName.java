package dev.cohort.sandbox.data;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A first or last name as written, and its e-mail form: lower-case ASCII letters only
 * ({@code "O'Brien"} becomes {@code "obrien"}, {@code "Zoë"} becomes {@code "zoe"}).
 */
record PersonName(String display, String ascii) {
    static PersonName of(String display) {
        String decomposed = Normalizer.normalize(display, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder ascii = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c >= 'a' && c <= 'z') {
                ascii.append(c);
            }
        }
        if (ascii.isEmpty()) {
            throw new IllegalStateException("name list entry has no ASCII letter for an e-mail address: " + display);
        }
        return new PersonName(display, ascii.toString());
    }
}
