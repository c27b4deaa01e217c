package dev.cohort.connector.braze;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Braze's own words, made fit for an outcome that people see: control characters removed, the API key and the
 * request's external ids blanked out, anything shaped like an e-mail address or a phone number masked, at most
 * {@link #MAX_CHARACTERS} characters.
 */
final class Quoting {
    static final int MAX_CHARACTERS = 200;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@\"'<>(),;:]+@[^\\s@\"'<>(),;:]+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{5,}\\d");

    private Quoting() {}

    static String clean(String text, String apiKey, Collection<String> externalIds) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("\\p{Cntrl}+", " ").strip();
        if (!apiKey.isEmpty()) {
            clean = clean.replace(apiKey, "****");
        }
        for (String id : externalIds) {
            if (id != null && id.length() >= 3) {
                clean = clean.replace(id, "<external_id>");
            }
        }
        clean = EMAIL.matcher(clean).replaceAll("<e-mail>");
        clean = PHONE.matcher(clean).replaceAll("<number>");
        return clean.length() > MAX_CHARACTERS ? clean.substring(0, MAX_CHARACTERS) + "…" : clean;
    }
}
