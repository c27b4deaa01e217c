/**
 * Running orchestrations: a run's rows flow from the engine (which runs the data template's SQL
 * projection) through the transforms SQL cannot do, in batches, to the destination's writer on another
 * thread, so reading and delivering overlap. The runtime — not the connector — enforces the declared
 * rate limit and retry policy, counts rows read, sent and rejected, and records every step of the run.
 */
package dev.cohort.runtime.run;
