package dev.cohort.runtime.template;

import dev.cohort.model.Transform;
import java.util.List;
import java.util.Objects;

/**
 * How an evaluator computes one output field: from an input column (then its transforms), or as a
 * constant computed once when the template was compiled.
 *
 * @param input      the 0-based input column, or {@link #CONSTANT}
 * @param constant   the value when {@code input} is {@link #CONSTANT} (null for SQL NULL)
 * @param transforms what is left to do in Java, in order
 */
record FieldPlan(String name, int input, String constant, List<Transform> transforms) {
    static final int CONSTANT = -1;

    FieldPlan {
        Objects.requireNonNull(name, "name");
        transforms = List.copyOf(transforms);
    }

    static FieldPlan column(String name, int input, List<Transform> transforms) {
        return new FieldPlan(name, input, null, transforms);
    }

    static FieldPlan constant(String name, String value) {
        return new FieldPlan(name, CONSTANT, value, List.of());
    }
}
