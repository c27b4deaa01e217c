package dev.cohort.sandbox.data;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * E-mail addresses made from a customer's name, written the way people type them into a sign-up form:
 * mostly lower case, some capitalised or shouting, a few with spaces around them, about one in a
 * hundred broken. Domains are look-alikes under {@code example.com}, which can receive no mail.
 *
 * <p>Not thread-safe: it reuses one buffer. Use one instance per writing thread.
 */
final class EmailAddresses {
    /** Per mille of customers with no e-mail address. */
    static final int EMPTY_PER_MILLE = 20;
    /** Per mille of the other customers whose address is not a valid one (no {@code @}, no TLD, ...). */
    static final int INVALID_PER_MILLE = 10;

    private static final String RESERVED_DOMAIN = ".example.com";
    private static final Map<String, WeightedList<String>> PROVIDERS = Map.of(
            "US", providers(List.of("gmail", "yahoo", "hotmail", "outlook", "icloud", "aol", "comcast", "att", "msn"),
                    35, 14, 8, 9, 9, 4, 3, 2, 2),
            "GB", providers(List.of("gmail", "hotmail", "yahoo", "btinternet", "outlook", "icloud", "sky", "live"),
                    30, 15, 10, 10, 10, 8, 6, 5),
            "CA", providers(List.of("gmail", "hotmail", "yahoo", "outlook", "rogers", "shaw", "sympatico", "icloud"),
                    35, 15, 8, 10, 8, 6, 5, 8));

    private final StringBuilder buffer = new StringBuilder(64);

    /** An address for this customer, or the empty string for none. */
    String next(SplittableRandom random, PersonName first, PersonName last, String country, int birthYear) {
        if (random.nextInt(1000) < EMPTY_PER_MILLE) {
            return "";
        }
        String provider = PROVIDERS.get(country).pick(random);
        buffer.setLength(0);
        appendLocalPart(random, first.ascii(), last.ascii(), birthYear);
        int at = buffer.length();
        buffer.append('@').append(provider).append(RESERVED_DOMAIN);
        if (random.nextInt(1000) < INVALID_PER_MILLE) {
            breakAddress(random, at, provider);
        } else {
            applyCase(random, at);
        }
        return surroundWithSpaces(random, buffer.toString());
    }

    private void appendLocalPart(SplittableRandom random, String first, String last, int birthYear) {
        int pattern = random.nextInt(100);
        if (pattern < 30) {
            buffer.append(first).append('.').append(last);
        } else if (pattern < 42) {
            buffer.append(first).append(last);
        } else if (pattern < 54) {
            buffer.append(first.charAt(0)).append(last);
        } else if (pattern < 60) {
            buffer.append(first).append('_').append(last);
        } else if (pattern < 72) {
            buffer.append(first).append('.').append(last).append(10 + random.nextInt(90));
        } else if (pattern < 80) {
            buffer.append(first).append(last).append(birthYear);
        } else if (pattern < 85) {
            buffer.append(last).append('.').append(first);
        } else if (pattern < 93) {
            buffer.append(first).append(100 + random.nextInt(900));
        } else {
            buffer.append(first).append('.').append(last.charAt(0)).append('+').append("shop");
        }
    }

    private void applyCase(SplittableRandom random, int at) {
        int style = random.nextInt(1000);
        if (style < 40) {
            upperCase(0, buffer.length());
        } else if (style < 220) {
            capitaliseWords();
        } else if (style < 260) {
            upperCase(at, buffer.length());
        }
    }

    private void upperCase(int from, int to) {
        for (int i = from; i < to; i++) {
            buffer.setCharAt(i, Character.toUpperCase(buffer.charAt(i)));
        }
    }

    /** {@code john.smith@gmail.example.com} becomes {@code John.Smith@Gmail.Example.Com}. */
    private void capitaliseWords() {
        boolean startOfWord = true;
        for (int i = 0; i < buffer.length(); i++) {
            char c = buffer.charAt(i);
            if (startOfWord && c >= 'a' && c <= 'z') {
                buffer.setCharAt(i, Character.toUpperCase(c));
            }
            startOfWord = c == '.' || c == '_' || c == '@';
        }
    }

    private void breakAddress(SplittableRandom random, int at, String provider) {
        switch (random.nextInt(7)) {
            case 0 -> buffer.deleteCharAt(at);
            case 1 -> buffer.insert(at, '@');
            case 2 -> buffer.setLength(at + 1 + provider.length());
            case 3 -> buffer.insert(Math.max(1, at / 2), ' ');
            case 4 -> buffer.insert(at + 1 + provider.length(), '.');
            case 5 -> buffer.delete(0, at);
            default -> buffer.setCharAt(buffer.lastIndexOf("."), ',');
        }
    }

    private static String surroundWithSpaces(SplittableRandom random, String address) {
        return switch (random.nextInt(100)) {
            case 0 -> " " + address;
            case 1 -> address + " ";
            case 2 -> "  " + address + " ";
            default -> address;
        };
    }

    private static WeightedList<String> providers(List<String> names, int... weights) {
        return new WeightedList<>(names, weights);
    }
}
