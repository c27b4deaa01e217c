package dev.cohort.runtime.run;

import dev.cohort.model.RunRejection;
import java.util.ArrayList;
import java.util.List;

/** Counts rejected rows and keeps the first ones (by arrival) with their reasons. Thread-safe. */
final class RejectionSample {
    static final int KEPT = 100;
    private final List<RunRejection> first = new ArrayList<>();
    private long count;

    synchronized void add(long rowNumber, String reason) {
        count++;
        if (first.size() < KEPT) {
            first.add(new RunRejection(rowNumber, reason));
        }
    }

    synchronized long count() {
        return count;
    }

    synchronized List<RunRejection> sample() {
        return List.copyOf(first);
    }
}
