/**
 * The customer 360 engine on embedded DuckDB: one database file per workspace, opened in process.
 * {@link dev.cohort.engine.duckdb.DuckDbEngine} is the entry point; everything else here is its
 * machinery (loading files, checking queries, streaming results as text, cleaning error messages).
 */
package dev.cohort.engine.duckdb;
