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
 */
record Delivery(String objectName, String sql, List<String> fields, Supplier<TemplateEvaluator> evaluator) {
    Delivery {
        fields = List.copyOf(fields);
    }
}
