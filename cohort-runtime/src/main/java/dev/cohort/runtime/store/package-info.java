/**
 * The metadata store: every workspace object, and later runs and queues. SQLite file by default,
 * PostgreSQL when several nodes share it. Objects are kept as the JSON of their specification (the
 * same shape as in {@code cohort.yaml}) plus the state Cohort derived for them (a query's status and
 * output columns, a table's row count), so the schema does not change with every new setting.
 */
package dev.cohort.runtime.store;
