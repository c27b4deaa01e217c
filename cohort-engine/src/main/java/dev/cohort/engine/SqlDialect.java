package dev.cohort.engine;

import dev.cohort.model.Transform;
import java.util.Optional;

/**
 * What Cohort needs to know about an engine's SQL to write statements for it, such as the projection
 * of a data template. Each engine gives its own through {@link Engine#dialect()}; stateless and
 * thread-safe.
 */
public interface SqlDialect {
    /** {@code identifier} quoted so that any text is read as that exact name. */
    String quoteIdentifier(String identifier);

    /** {@code text} as a string literal. */
    String quoteLiteral(String text);

    /**
     * {@code expression} as text, written as the engine itself writes values of that type.
     *
     * @param type the expression's SQL type in the engine's spelling, or null when unknown
     */
    String toText(String expression, String type);

    /**
     * SQL that applies {@code transform} to the text {@code expression}, or empty when this dialect
     * cannot do it exactly as Cohort's Java transforms do ({@code docs/normalisation.md}). Exactly
     * means: the same result for every input, SQL NULL included — a claim each dialect proves with a
     * differential test against the Java transforms. Transforms that can reject a value are never
     * pushed down.
     */
    Optional<String> transform(Transform transform, String expression);
}
