/**
 * The customer 360 engine: the one interface through which Cohort loads tables, builds SQL tables,
 * validates and previews queries and streams results. DuckDB implements it embedded; Spark or Trino
 * can implement it later without touching callers. Callers never see JDBC.
 */
package dev.cohort.engine;
