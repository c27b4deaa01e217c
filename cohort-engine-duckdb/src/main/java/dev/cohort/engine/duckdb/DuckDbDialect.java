package dev.cohort.engine.duckdb;

import dev.cohort.engine.SqlDialect;
import dev.cohort.model.Transform;
import java.util.Optional;

/**
 * DuckDB's SQL. DuckDB runs {@code trim} (with the exact set of characters {@link Transform.Trim#CHARACTERS}
 * strips; its default strips only spaces) and {@code sha256}. It does not run {@code lower} or
 * {@code upper}: DuckDB maps characters one by one with its own Unicode tables, which differ from
 * Java's on dozens of characters (ß upper-cases to ẞ, no final sigma, İ lower-cases to i without its
 * dot, and letters newer than its tables), so they stay in Java.
 */
public final class DuckDbDialect implements SqlDialect {
    public static final DuckDbDialect INSTANCE = new DuckDbDialect();

    private DuckDbDialect() {}

    @Override
    public String quoteIdentifier(String identifier) {
        return DuckDbSql.identifier(identifier);
    }

    @Override
    public String quoteLiteral(String text) {
        return DuckDbSql.literal(text);
    }

    @Override
    public String toText(String expression, String type) {
        return "VARCHAR".equalsIgnoreCase(type) ? expression : "CAST(" + expression + " AS VARCHAR)";
    }

    @Override
    public Optional<String> transform(Transform transform, String expression) {
        return switch (transform) {
            case Transform.Trim trim -> Optional.of("trim(" + expression + ", " + quoteLiteral(Transform.Trim.CHARACTERS) + ")");
            case Transform.Sha256 sha256 -> Optional.of("sha256(" + expression + ")");
            default -> Optional.empty();
        };
    }
}
