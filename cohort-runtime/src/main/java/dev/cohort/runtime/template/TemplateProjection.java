package dev.cohort.runtime.template;

import dev.cohort.engine.SqlDialect;

import dev.cohort.engine.Column;
import dev.cohort.model.DataTemplate;
import dev.cohort.model.FieldSource;
import dev.cohort.model.TemplateField;
import dev.cohort.model.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A data template turned into one SQL statement over a query, so that the engine does every part of
 * the work SQL can do exactly as Java would:
 *
 * <pre>{@code
 * SELECT trim(q."email", '…') AS "EMAIL", 'gold' AS "TIER", … FROM (<query>) AS q
 * }</pre>
 *
 * <p>Each field is written as text: a column as the engine writes its type, an expression as written
 * (evaluated by the engine), a constant as a literal of its final value (its transforms applied once,
 * at compile time), a blank as the empty string. Then the longest leading part of the field's transform
 * chain the {@link SqlDialect} can run exactly is pushed into the SQL; the rest is left to the
 * {@link #newEvaluator() evaluator}, which reads the statement's output column {@code i} as field
 * {@code i}.
 *
 * <p>Immutable and thread-safe; each thread takes its own evaluator.
 */
public final class TemplateProjection {
    /**
     * One field of the projection.
     *
     * @param sql            its expression in the SELECT list
     * @param javaTransforms what is left for Java, in order
     */
    public record ProjectedField(String name, String sql, List<Transform> javaTransforms) {
        public ProjectedField {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sql, "sql");
            javaTransforms = List.copyOf(javaTransforms);
        }
    }

    private final String sql;
    private final List<ProjectedField> fields;

    private TemplateProjection(String sql, List<ProjectedField> fields) {
        this.sql = sql;
        this.fields = List.copyOf(fields);
    }

    /**
     * Compiles {@code template} over {@code querySql}, a single SELECT whose output columns are
     * {@code queryColumns} (as the engine describes them). A trailing semicolon is dropped.
     *
     * @throws dev.cohort.model.ValidationException listing every problem, as {@link TemplateChecks} reports them
     */
    public static TemplateProjection compile(DataTemplate template, String querySql, List<Column> queryColumns,
                                             SqlDialect dialect) {
        TemplatePlanner.problems(template, queryColumns).throwIfAny();
        ColumnResolver resolver = new ColumnResolver(queryColumns);
        List<ProjectedField> fields = new ArrayList<>();
        for (TemplateField field : template.fields()) {
            fields.add(switch (field.source()) {
                case FieldSource.Column column -> {
                    Column input = queryColumns.get(resolver.indexOf(column.column()));
                    String text = dialect.toText("q." + dialect.quoteIdentifier(input.name()), input.type());
                    yield pushDown(field, text, dialect);
                }
                case FieldSource.Expression expression ->
                        pushDown(field, dialect.toText(parenthesised(expression.sql()), null), dialect);
                case FieldSource.Constant constant -> constant(field, dialect);
                case FieldSource.Blank blank -> constant(field, dialect);
            });
        }
        return new TemplateProjection(select(fields, querySql, dialect), fields);
    }

    /** The statement for the engine. */
    public String sql() {
        return sql;
    }

    public List<ProjectedField> fields() {
        return fields;
    }

    public List<String> fieldNames() {
        return fields.stream().map(ProjectedField::name).toList();
    }

    /**
     * Whether some transform is left for Java. When none is, the statement's rows are the output as
     * they are and can go to the destination without passing through an evaluator.
     */
    public boolean needsEvaluator() {
        return fields.stream().anyMatch(field -> !field.javaTransforms().isEmpty());
    }

    /** A new evaluator for the rows of {@link #sql()}; it is not thread-safe, so take one per thread. */
    public TemplateEvaluator newEvaluator() {
        List<FieldPlan> plans = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            plans.add(FieldPlan.column(fields.get(i).name(), i, fields.get(i).javaTransforms()));
        }
        return new TemplateEvaluator(plans);
    }

    private static ProjectedField pushDown(TemplateField field, String text, SqlDialect dialect) {
        String sql = text;
        int pushed = 0;
        for (Transform transform : field.transforms()) {
            Optional<String> inSql = dialect.transform(transform, sql);
            if (inSql.isEmpty()) {
                break;
            }
            sql = inSql.get();
            pushed++;
        }
        List<Transform> chain = field.transforms();
        return new ProjectedField(field.name(), sql, chain.subList(pushed, chain.size()));
    }

    private static ProjectedField constant(TemplateField field, SqlDialect dialect) {
        String value = TemplatePlanner.constantValue(field);
        String sql = value == null ? dialect.toText("NULL", null) : dialect.quoteLiteral(value);
        return new ProjectedField(field.name(), sql, List.of());
    }

    private static String select(List<ProjectedField> fields, String querySql, SqlDialect dialect) {
        StringBuilder select = new StringBuilder("SELECT");
        for (int i = 0; i < fields.size(); i++) {
            select.append(i == 0 ? "\n  " : ",\n  ").append(fields.get(i).sql())
                    .append(" AS ").append(dialect.quoteIdentifier(fields.get(i).name()));
        }
        return select.append("\nFROM (\n").append(withoutTrailingSemicolons(querySql)).append("\n) AS q").toString();
    }

    /** {@code (sql)}, with the parenthesis on a line of its own when a line comment could swallow it. */
    private static String parenthesised(String sql) {
        return "(" + sql + (sql.contains("--") ? "\n)" : ")");
    }

    private static String withoutTrailingSemicolons(String sql) {
        int end = sql.length();
        while (end > 0 && (sql.charAt(end - 1) == ';' || Character.isWhitespace(sql.charAt(end - 1)))) {
            end--;
        }
        return sql.substring(0, end);
    }
}
