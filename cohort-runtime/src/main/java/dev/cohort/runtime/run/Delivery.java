package dev.cohort.runtime.run;

import dev.cohort.runtime.template.TemplateEvaluator;
import java.util.List;
import java.util.function.Supplier;

/**
 * One stream of rows to deliver: a query shaped by its data template, or one table of a database export.
 *
 * @param objectName the query's or table's name (for file names)
 * @param sql        the statement the engine runs (the template's projection, limited for a test run)
 * @param fields     the output fields, in order
 * @param evaluator  makes the evaluator for what SQL could not do; null when rows go straight through
 * @param fieldTypes the output fields' SQL types as the engine names them, in order ({@code VARCHAR} for a value
 *                   a Java transform makes)
 */
record Delivery(String objectName, String sql, List<String> fields, Supplier<TemplateEvaluator> evaluator,
                List<String> fieldTypes) {
    Delivery {
        fields = List.copyOf(fields);
        fieldTypes = List.copyOf(fieldTypes);
        if (fieldTypes.size() != fields.size()) {
            throw new IllegalArgumentException("one type per field");
        }
    }
}
