package dev.cohort.bench;

/**
 * The most memory a phase of a benchmark used.
 *
 * @param heapUsedBytes         the sum of the heap pools' own peaks (eden, survivor, old), garbage included:
 *                              an upper bound, as the pools need not peak at the same moment
 * @param heapAfterGcBytes      the most heap still in use right after a garbage collection: what the phase
 *                              really kept
 * @param residentBytes         peak resident set size of the process (heap, native memory, DuckDB)
 * @param residentExact         true if {@code residentBytes} is the kernel's {@code VmHWM} reset at the start
 *                              of the phase; false if it is the highest sampled {@code VmRSS}
 * @param residentSampledBytes  the highest {@code VmRSS} sampled during the phase (every few milliseconds)
 */
record MemoryPeaks(long heapUsedBytes, long heapAfterGcBytes, long residentBytes, boolean residentExact,
                   long residentSampledBytes) {
}
