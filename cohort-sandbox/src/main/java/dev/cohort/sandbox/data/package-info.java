/**
 * Synthetic customer 360 data for the demo, tests and benchmarks: customers and their orders as CSV
 * files, deterministic for a seed and written as a stream, so ten million rows need no more memory
 * than ten. Every e-mail address and phone number is fictional by construction (reserved example
 * domains, the 555 exchange, Ofcom's drama ranges), so the data cannot reach a real person even if it
 * is sent to a real partner by mistake.
 */
package dev.cohort.sandbox.data;
