package dev.cohort.runtime.template;

/**
 * The values of one input row as text, by 0-based column index; null stands for SQL NULL. A
 * {@link dev.cohort.engine.RowCursor} is one: pass {@code cursor::value}.
 */
@FunctionalInterface
public interface RowValues {
    String value(int index);
}
