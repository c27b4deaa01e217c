package dev.cohort.runtime.template;

import dev.cohort.engine.Column;
import dev.cohort.model.DataTemplate;
import dev.cohort.model.FieldSource;
import dev.cohort.model.Location;
import dev.cohort.model.Problems;
import dev.cohort.model.TemplateField;
import java.util.ArrayList;
import java.util.List;

/** The compile step shared by evaluators and projections: refuse a template with problems, fold constants. */
final class TemplatePlanner {
    private TemplatePlanner() {}

    /** A plan that computes every field in Java from rows with {@code inputColumns}. */
    static List<FieldPlan> inJava(DataTemplate template, List<Column> inputColumns) {
        Problems problems = problems(template, inputColumns);
        for (int i = 0; i < template.fields().size(); i++) {
            TemplateField field = template.fields().get(i);
            if (field.source() instanceof FieldSource.Expression) {
                problems.add(Location.key(TemplateChecks.fieldKey(template, i) + ".expression"),
                        TemplateChecks.EXPRESSION_NEEDS_ENGINE, "field '" + field.name() + "' is computed by a SQL"
                                + " expression, which needs a query engine, and this template is applied without one:"
                                + " take the value from a column or a constant");
            }
        }
        problems.throwIfAny();
        ColumnResolver resolver = new ColumnResolver(inputColumns);
        List<FieldPlan> plans = new ArrayList<>();
        for (TemplateField field : template.fields()) {
            plans.add(switch (field.source()) {
                case FieldSource.Column column -> FieldPlan.column(field.name(), resolver.indexOf(column.column()),
                        field.transforms());
                case FieldSource.Constant constant -> FieldPlan.constant(field.name(), constantValue(field));
                case FieldSource.Blank blank -> FieldPlan.constant(field.name(), constantValue(field));
                case FieldSource.Expression expression -> throw new IllegalStateException("refused above");
            });
        }
        return plans;
    }

    /** Every problem that stops {@code template} from being compiled against {@code columns}. */
    static Problems problems(DataTemplate template, List<Column> columns) {
        Problems problems = new Problems();
        problems.addAll(TemplateChecks.check(template));
        problems.addAll(TemplateChecks.checkColumns(template, columns));
        return problems;
    }

    /**
     * The final value of a constant or blank field, its transforms applied once: blank is the empty
     * string. Only for templates without problems (a constant its transforms reject is one).
     */
    static String constantValue(TemplateField field) {
        return switch (field.source()) {
            case FieldSource.Constant constant -> Transforms.apply(field.transforms(), constant.value());
            case FieldSource.Blank blank -> "";
            default -> throw new IllegalArgumentException("not a constant field: " + field.name());
        };
    }
}
