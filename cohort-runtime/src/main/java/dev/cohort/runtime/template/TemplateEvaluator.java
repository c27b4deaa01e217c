package dev.cohort.runtime.template;

import dev.cohort.engine.Column;
import dev.cohort.model.DataTemplate;
import dev.cohort.normalisation.InvalidValueException;
import java.util.List;

/**
 * Applies a data template to rows, one at a time: takes each field's value from its input column or
 * constant and runs what is left of its transform chain in Java. Everything that can be decided once —
 * column indexes, constants, digests, phone regions — is decided when it is compiled, so a row costs no
 * lookups by name, no regular expression compilation and no allocation beyond the values transforms
 * produce (and, for a rejected row, its {@link Rejection}).
 *
 * <p>Get one from {@link TemplateProjection#newEvaluator()} for the rows of the projection's SQL, or
 * from {@link #compile} for rows of the query itself when no engine is involved. Not thread-safe: it
 * keeps digests and parsers between rows; compile one per thread.
 */
public final class TemplateEvaluator {
    private final List<String> fieldNames;
    private final String[] names;
    private final int[] inputs;
    private final String[] constants;
    private final TransformStep[][] steps;

    TemplateEvaluator(List<FieldPlan> plans) {
        int count = plans.size();
        names = new String[count];
        inputs = new int[count];
        constants = new String[count];
        steps = new TransformStep[count][];
        for (int i = 0; i < count; i++) {
            FieldPlan plan = plans.get(i);
            names[i] = plan.name();
            inputs[i] = plan.input();
            constants[i] = plan.constant();
            steps[i] = plan.transforms().stream().map(TransformStep::of).toArray(TransformStep[]::new);
        }
        fieldNames = List.of(names);
    }

    /**
     * Compiles {@code template} for rows whose columns are {@code inputColumns}, with every transform in
     * Java. Column names are matched as SQL does: exactly, else ignoring case. Fields computed from a SQL
     * expression need an engine: use {@link TemplateProjection} for them.
     *
     * @throws dev.cohort.model.ValidationException listing every problem, as {@link TemplateChecks} reports them
     */
    public static TemplateEvaluator compile(DataTemplate template, List<Column> inputColumns) {
        return new TemplateEvaluator(TemplatePlanner.inJava(template, inputColumns));
    }

    /** The output fields, in order. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    /**
     * Computes the output of one row into {@code out} (at least {@code fieldNames().size()} long). Null
     * stays null: a field whose value is null skips the rest of its chain.
     *
     * @return null when the row is accepted and {@code out} holds its values; otherwise why it was
     *         rejected (the first field that broke a rule), and {@code out} is partly written
     */
    public Rejection evaluate(RowValues row, String[] out) {
        int field = 0;
        try {
            for (; field < names.length; field++) {
                String value = inputs[field] == FieldPlan.CONSTANT ? constants[field] : row.value(inputs[field]);
                TransformStep[] chain = steps[field];
                for (int step = 0; step < chain.length && value != null; step++) {
                    value = chain[step].apply(value);
                }
                out[field] = value;
            }
            return null;
        } catch (InvalidValueException e) {
            return new Rejection(names[field], e.reason());
        }
    }
}
