/**
 * The conformance suite every destination type runs: one abstract JUnit class,
 * {@link dev.cohort.testing.conformance.DestinationConformance}, that a connector's test extends with a
 * valid and an invalid configuration and a way to read back what was delivered.
 */
package dev.cohort.testing.conformance;
