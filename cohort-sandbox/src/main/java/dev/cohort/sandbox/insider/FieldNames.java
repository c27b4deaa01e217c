package dev.cohort.sandbox.insider;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The check shared by {@link InsiderUploadFields} and {@link InsiderCallbackFields}: names given, none twice. */
final class FieldNames {
    private FieldNames() {
    }

    static void requireDistinct(String body, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw SandboxInsiderException.invalid("Every field of the " + body + " body needs a name; got " + names + ".");
            }
            if (!seen.add(name)) {
                throw SandboxInsiderException.invalid("The field name `" + name + "` is used twice in the " + body
                        + " body " + names + ": give each field its own name.");
            }
        }
    }
}
