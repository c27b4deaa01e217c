package dev.cohort.runtime.template;

import dev.cohort.model.Transform;
import java.util.Optional;

/**
 * What {@link TemplateProjection} needs to know about an engine's SQL. One implementation per engine
 * ({@link DuckDbDialect} first); stateless and thread-safe.
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
     * cannot do it exactly as {@link Transforms} does. Exactly means: the same result for every input,
     * SQL NULL included — a claim each dialect proves with a differential test against
     * {@link Transforms}. Transforms that can reject a value are never pushed down.
     */
    Optional<String> transform(Transform transform, String expression);
}
