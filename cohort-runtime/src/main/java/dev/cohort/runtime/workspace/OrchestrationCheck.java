package dev.cohort.runtime.workspace;

import dev.cohort.engine.Column;
import dev.cohort.engine.Engine;
import dev.cohort.engine.EngineException;
import dev.cohort.model.DataTemplate;
import dev.cohort.model.FieldSource;
import dev.cohort.model.TemplateField;
import dev.cohort.runtime.template.TemplateChecks;
import java.util.ArrayList;
import java.util.List;

/** Checks that a data template fits the columns of the query an orchestration sends. */
final class OrchestrationCheck {
    private OrchestrationCheck() {}

    /** Reasons the template does not fit, each naming the field; empty when it fits. */
    static List<String> templateFits(Engine engine, DataTemplate template, String querySql, List<Column> queryColumns) {
        List<String> reasons = new ArrayList<>();
        TemplateChecks.checkColumns(template, queryColumns).forEach(problem -> reasons.add(problem.message()));
        for (TemplateField field : template.fields()) {
            if (field.source() instanceof FieldSource.Expression expression) {
                try {
                    engine.describe("SELECT " + expression.sql() + " FROM (" + SqlText.clean(querySql) + "\n) AS q");
                } catch (EngineException e) {
                    reasons.add("field '" + field.name() + "': the expression does not work on the query's columns: "
                            + e.getMessage());
                }
            }
        }
        return reasons;
    }
}
