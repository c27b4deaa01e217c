/**
 * The warehouse-table destination ({@code type: warehouse-table}): a query's rows, or each table of a
 * database export, written into a table of a JDBC database — swapped in whole ({@code replace}) or
 * appended in one transaction ({@code append}), through PostgreSQL's {@code COPY FROM STDIN} when the
 * database is PostgreSQL.
 */
package dev.cohort.connector.warehouse;
