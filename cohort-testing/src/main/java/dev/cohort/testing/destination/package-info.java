/**
 * Destination types for tests: on the class path of every module that tests with cohort-testing, so a
 * workspace in a test can name them before real connectors exist.
 */
package dev.cohort.testing.destination;
