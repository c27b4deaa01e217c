package dev.cohort.spi.destination;

import java.util.List;
import java.util.Objects;

/**
 * What a data template must provide for a destination type: the fields it requires, and — for a fixed
 * file layout such as Koupon Media's — the only fields it may have, in their order.
 *
 * @param requiredFields fields every template for this type must map
 * @param layout         when not empty, the complete ordered list of fields the destination writes; a
 *                       template may map only these, and unmapped ones are written blank
 * @param caseSensitive  whether field names are compared exactly (false: case-insensitively)
 */
public record TemplateContract(List<String> requiredFields, List<String> layout, boolean caseSensitive) {
    public TemplateContract {
        requiredFields = List.copyOf(Objects.requireNonNull(requiredFields, "requiredFields"));
        layout = List.copyOf(Objects.requireNonNull(layout, "layout"));
    }

    /** Any fields at all: the template decides the output columns. */
    public static TemplateContract open() {
        return new TemplateContract(List.of(), List.of(), true);
    }

    public static TemplateContract requiring(String... fields) {
        return new TemplateContract(List.of(fields), List.of(), true);
    }

    public static TemplateContract fixedLayout(List<String> layout, List<String> required) {
        return new TemplateContract(required, layout, true);
    }

    public boolean hasFixedLayout() {
        return !layout.isEmpty();
    }
}
