package dev.cohort.connector.warehouse;

import dev.cohort.spi.Suggestions;
import dev.cohort.spi.destination.WriteContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code table} setting: a table name, or a template of one with {@code {object}} (the query's
 * name, or the exported table's) and {@code {orchestration}}. The name is used exactly as it comes out —
 * quoted, so case and spaces are kept.
 */
public final class TableNameTemplate {
    /** The tokens a table name may hold. */
    static final List<String> TOKENS = List.of("object", "orchestration");

    private final String text;
    private final List<Part> parts;

    private TableNameTemplate(String text, List<Part> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    private sealed interface Part permits Literal, Token {}

    private record Literal(String text) implements Part {}

    private record Token(String name) implements Part {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with a message naming the problem (an unknown token, a stray brace)
     */
    public static TableNameTemplate parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("must not be empty: give a table name, or {object} for the query's name");
        }
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf('{', at);
            int close = text.indexOf('}', at);
            if (close >= 0 && (open < 0 || close < open)) {
                throw new IllegalArgumentException("has a '}' without its '{' at position " + (close + 1));
            }
            if (open < 0) {
                parts.add(new Literal(text.substring(at)));
                break;
            }
            if (open > at) {
                parts.add(new Literal(text.substring(at, open)));
            }
            int end = text.indexOf('}', open);
            if (end < 0) {
                throw new IllegalArgumentException("has a '{' without its '}' at position " + (open + 1));
            }
            String token = text.substring(open + 1, end).strip();
            if (!TOKENS.contains(token)) {
                throw new IllegalArgumentException("unknown token {" + token + "}"
                        + Suggestions.closest(token, TOKENS).map(t -> "; did you mean {" + t + "}?").orElse("")
                        + " (tokens: {object}, {orchestration})");
            }
            parts.add(new Token(token));
            at = end + 1;
        }
        return new TableNameTemplate(text, parts);
    }

    /** What a test run's table name ends with: a test never touches the real table. */
    public static final String TEST_SUFFIX = "_cohort_test";

    /** The name for one delivery; a test run's is the name + {@value #TEST_SUFFIX}, so it never replaces the real table. */
    public String resolve(WriteContext context) {
        String name = resolveName(context);
        return context.test() ? name + TEST_SUFFIX : name;
    }

    private String resolveName(WriteContext context) {
        StringBuilder name = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Literal literal -> name.append(literal.text());
                case Token token -> name.append(token.name().equals("object") ? context.objectName() : context.orchestration());
            }
        }
        return name.toString();
    }

    /** The name, when it holds no token and is the same for every delivery. */
    public Optional<String> fixedName() {
        return parts.stream().allMatch(Literal.class::isInstance) ? Optional.of(text) : Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TableNameTemplate template && template.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The template as written. */
    @Override
    public String toString() {
        return text;
    }
}
