package dev.cohort.model;

import java.util.Objects;

/**
 * Where a credential's secret value comes from. A workspace file holds only these references; the
 * values are read when the workspace is applied and stored encrypted.
 */
public sealed interface SecretRef {
    /** The text written in {@code cohort.yaml}: {@code ${env:NAME}}, {@code ${file:path}} or {@code ${stored}}. */
    String reference();

    record Env(String variable) implements SecretRef {
        public Env {
            Objects.requireNonNull(variable, "variable");
        }

        public String reference() {
            return "${env:" + variable + "}";
        }
    }

    /** A file, relative to the workspace folder or absolute; a trailing line break is not part of the value. */
    record File(String path) implements SecretRef {
        public File {
            Objects.requireNonNull(path, "path");
        }

        public String reference() {
            return "${file:" + path + "}";
        }
    }

    /**
     * A value an Administrator gave through the API: it exists only sealed in the metadata store, and an apply
     * keeps the value stored there. Exported as {@code ${stored}}.
     */
    record Stored() implements SecretRef {
        public String reference() {
            return "${stored}";
        }
    }
}
