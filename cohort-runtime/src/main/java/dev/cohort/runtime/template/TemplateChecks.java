package dev.cohort.runtime.template;

import dev.cohort.engine.Column;
import dev.cohort.model.DataTemplate;
import dev.cohort.model.FieldSource;
import dev.cohort.model.Location;
import dev.cohort.model.Problem;
import dev.cohort.model.Problems;
import dev.cohort.spi.Suggestions;
import dev.cohort.model.TemplateField;
import dev.cohort.spi.destination.TemplateContract;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that can be wrong with a data template, reported together: on its own (no fields, a
 * duplicate name, an unknown phone region, transforms in an order that rejects every row, a constant its
 * own transforms reject), against its destination type's {@link TemplateContract}, and against the
 * columns of the query it is used with.
 *
 * <p>Problems carry only a key path ({@code data_templates.<name>.fields[2].transforms[0]}); the caller
 * adds the file and line. Stateless and thread-safe.
 */
public final class TemplateChecks {
    public static final String EMPTY_TEMPLATE = "EMPTY_TEMPLATE";
    public static final String EMPTY_FIELD_NAME = "EMPTY_FIELD_NAME";
    public static final String DUPLICATE_FIELD = "DUPLICATE_FIELD";
    public static final String MISSING_FIELD = "MISSING_FIELD";
    public static final String TOO_MANY_FIELDS = "TOO_MANY_FIELDS";
    public static final String FIELD_NOT_IN_LAYOUT = "FIELD_NOT_IN_LAYOUT";
    public static final String UNKNOWN_REGION = "UNKNOWN_REGION";
    public static final String TRANSFORM_ORDER = "TRANSFORM_ORDER";
    public static final String TRANSFORM_ON_BLANK = "TRANSFORM_ON_BLANK";
    public static final String INVALID_CONSTANT = "INVALID_CONSTANT";
    public static final String UNKNOWN_COLUMN = "UNKNOWN_COLUMN";
    public static final String EXPRESSION_NEEDS_ENGINE = "EXPRESSION_NEEDS_ENGINE";

    private TemplateChecks() {}

    /** Problems of the template on its own, whatever destination and query it is used with. */
    public static List<Problem> check(DataTemplate template) {
        return check(template, Optional.empty());
    }

    /** Problems of the template on its own and, when given, against its destination type's contract. */
    public static List<Problem> check(DataTemplate template, Optional<TemplateContract> contract) {
        Problems problems = new Problems();
        if (template.fields().isEmpty()) {
            problems.add(Location.key(fieldsKey(template)), EMPTY_TEMPLATE,
                    "data template '" + template.name() + "' has no fields: add at least one under 'fields'");
        }
        checkNames(template, contract.map(TemplateContract::caseSensitive).orElse(true), problems);
        for (int i = 0; i < template.fields().size(); i++) {
            FieldChecks.check(template.fields().get(i), fieldKey(template, i), problems);
        }
        contract.ifPresent(c -> checkContract(template, c, problems));
        return problems.list();
    }

    /** Problems of the template's column references against the output columns of a query. */
    public static List<Problem> checkColumns(DataTemplate template, List<Column> queryColumns) {
        ColumnResolver resolver = new ColumnResolver(queryColumns);
        Problems problems = new Problems();
        for (int i = 0; i < template.fields().size(); i++) {
            TemplateField field = template.fields().get(i);
            if (field.source() instanceof FieldSource.Column column) {
                Location where = Location.key(fieldKey(template, i) + ".column");
                resolver.problem(column.column()).ifPresent(why ->
                        problems.add(where, UNKNOWN_COLUMN, "field '" + field.name() + "': " + why));
            }
        }
        return problems.list();
    }

    static String fieldKey(DataTemplate template, int index) {
        return fieldsKey(template) + "[" + index + "]";
    }

    private static String fieldsKey(DataTemplate template) {
        return "data_templates." + template.name() + ".fields";
    }

    private static void checkNames(DataTemplate template, boolean caseSensitive, Problems problems) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < template.fields().size(); i++) {
            String name = template.fields().get(i).name();
            if (name.isBlank()) {
                problems.add(Location.key(fieldKey(template, i)), EMPTY_FIELD_NAME,
                        "field " + i + " has no name: every output field needs one");
                continue;
            }
            Integer first = seen.putIfAbsent(caseSensitive ? name : name.toLowerCase(Locale.ROOT), i);
            if (first != null) {
                String firstName = template.fields().get(first).name();
                String how = firstName.equals(name) ? "is already the name of fields[" + first + "]"
                        : "differs from fields[" + first + "] '" + firstName + "' only in case, and the destination"
                                + " ignores case";
                problems.add(Location.key(fieldKey(template, i)), DUPLICATE_FIELD,
                        "field '" + name + "' " + how + ": every output field needs a name of its own");
            }
        }
    }

    private static void checkContract(DataTemplate template, TemplateContract contract, Problems problems) {
        Optional<String> type = template.destinationTypeName();
        String destination = type.map(t -> t + " destinations").orElse("the destination");
        String requires = type.map(t -> t + " destinations require").orElse("the destination requires");
        List<TemplateField> fields = template.fields();
        if (contract.hasFixedLayout()) {
            for (int i = 0; i < fields.size(); i++) {
                String name = fields.get(i).name();
                if (!name.isBlank() && find(contract.layout(), name, contract.caseSensitive()).isEmpty()) {
                    problems.add(Location.key(fieldKey(template, i)), FIELD_NOT_IN_LAYOUT,
                            "field '" + name + "' is not in the file layout of " + destination
                                    + suggest(name, contract.layout())
                                    + " (layout: " + String.join(", ", contract.layout()) + ")");
                }
            }
        }
        if (contract.maxFields() > 0 && fields.size() > contract.maxFields()) {
            problems.add(Location.key(fieldsKey(template)), TOO_MANY_FIELDS, destination.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + destination.substring(1) + " take at most " + contract.maxFields() + " field"
                    + (contract.maxFields() == 1 ? "" : "s") + "; this template has " + fields.size());
        }
        List<String> names = fields.stream().map(TemplateField::name).toList();
        for (String required : contract.requiredFields()) {
            if (find(names, required, contract.caseSensitive()).isEmpty()) {
                String caseNote = find(names, required, false).map(f -> "; field '" + f
                        + "' differs only in case, and field names are case-sensitive here").orElse("");
                problems.add(Location.key(fieldsKey(template)), MISSING_FIELD, "the template has no field '" + required
                        + "', which " + requires + caseNote
                        + " (required: " + String.join(", ", contract.requiredFields()) + ")");
            }
        }
    }

    private static Optional<String> find(List<String> names, String name, boolean caseSensitive) {
        return names.stream().filter(n -> caseSensitive ? n.equals(name) : n.equalsIgnoreCase(name)).findFirst();
    }

    /** "did you mean", preferring a name that differs only in case. */
    private static String suggest(String name, List<String> candidates) {
        return find(candidates, name, false)
                .map(exact -> "; field names are case-sensitive here: write '" + exact + "'")
                .orElseGet(() -> Suggestions.didYouMean(name, candidates));
    }
}
