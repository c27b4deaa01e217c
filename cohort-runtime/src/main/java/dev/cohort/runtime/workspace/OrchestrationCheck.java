package dev.cohort.runtime.workspace;

import dev.cohort.engine.Column;
import dev.cohort.engine.Engine;
import dev.cohort.engine.EngineException;
import dev.cohort.model.DataTemplate;
import dev.cohort.model.FieldSource;
import dev.cohort.model.Suggestions;
import dev.cohort.model.TemplateField;
import java.util.ArrayList;
import java.util.List;

/** Checks that a data template fits the columns of the query an orchestration sends. */
final class OrchestrationCheck {
    private OrchestrationCheck() {}

    /** Reasons the template does not fit, each naming the field; empty when it fits. */
    static List<String> templateFits(Engine engine, DataTemplate template, String querySql, List<Column> queryColumns) {
        List<String> reasons = new ArrayList<>();
        List<String> names = queryColumns.stream().map(Column::name).toList();
        for (TemplateField field : template.fields()) {
            switch (field.source()) {
                case FieldSource.Column column -> {
                    boolean found = names.stream().anyMatch(n -> n.equalsIgnoreCase(column.column()));
                    if (!found) {
                        reasons.add("field " + field.name() + " takes column '" + column.column()
                                + "', which the query does not output" + Suggestions.didYouMean(column.column(), names)
                                + " (it outputs: " + String.join(", ", names) + ")");
                    }
                }
                case FieldSource.Expression expression -> {
                    try {
                        engine.describe("SELECT " + expression.sql() + " FROM (" + SqlText.clean(querySql) + ") AS q");
                    } catch (EngineException e) {
                        reasons.add("field " + field.name() + ": the expression does not work on the query's columns: "
                                + e.getMessage());
                    }
                }
                case FieldSource.Constant constant -> { }
                case FieldSource.Blank blank -> { }
            }
        }
        return reasons;
    }
}
