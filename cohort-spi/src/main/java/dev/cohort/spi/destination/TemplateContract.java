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
 * @param maxFields      the most fields a delivery may have (CrowdTwist's segment files hold one); 0 for any
 */
public record TemplateContract(List<String> requiredFields, List<String> layout, boolean caseSensitive, int maxFields) {
    public TemplateContract {
        requiredFields = List.copyOf(Objects.requireNonNull(requiredFields, "requiredFields"));
        layout = List.copyOf(Objects.requireNonNull(layout, "layout"));
        if (maxFields < 0) {
            throw new IllegalArgumentException("maxFields is 0 (any) or more");
        }
    }

    public TemplateContract(List<String> requiredFields, List<String> layout, boolean caseSensitive) {
        this(requiredFields, layout, caseSensitive, 0);
    }

    /** Exactly one field, named as the destination's settings say (the header comes from there). */
    public static TemplateContract singleField() {
        return new TemplateContract(List.of(), List.of(), false, 1);
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
