/**
 * Benchmarks run by hand, not by the test suite: each is a {@code main} class that prints a Markdown
 * table for {@code docs/benchmarks.md}. See the module's README for how to run them.
 */
package dev.cohort.bench;
