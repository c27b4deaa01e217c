/**
 * Data templates at work: the transform rules ({@link dev.cohort.runtime.template.Transforms}), their
 * checks ({@link dev.cohort.runtime.template.TemplateChecks}), the SQL statement that lets the engine do
 * what it can do exactly ({@link dev.cohort.runtime.template.TemplateProjection}) and the per-row Java
 * path for the rest ({@link dev.cohort.runtime.template.TemplateEvaluator}). The rules and their test
 * vectors are in {@code docs/normalisation.md}.
 */
package dev.cohort.runtime.template;
