/**
 * The metadata store: every workspace object, every run of an orchestration, and later queues. SQLite
 * file by default, PostgreSQL when several nodes share it. Objects are kept as the JSON of their
 * specification (the same shape as in {@code cohort.yaml}) plus the state Cohort derived for them (a
 * query's status and output columns, a table's row count), so the schema does not change with every
 * new setting. Runs are rows with a column per fact, their status changed only by guarded updates.
 */
package dev.cohort.runtime.store;
