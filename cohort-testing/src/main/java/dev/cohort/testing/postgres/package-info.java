/**
 * A PostgreSQL database of its own for each test class or test, on the server that CI starts (and
 * every developer machine has): {@link dev.cohort.testing.postgres.PostgresTestDatabase}.
 */
package dev.cohort.testing.postgres;
