package dev.cohort.sandbox.data;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Items picked at random in proportion to integer weights. Immutable and thread-safe. */
final class WeightedList<T> {
    private final List<T> items;
    private final int[] cumulative;

    WeightedList(List<T> items, int[] weights) {
        if (items.isEmpty() || items.size() != weights.length) {
            throw new IllegalArgumentException("need one positive weight per item, and at least one item");
        }
        this.items = List.copyOf(items);
        this.cumulative = new int[weights.length];
        int total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] <= 0) {
                throw new IllegalArgumentException("weights must be positive");
            }
            total += weights[i];
            cumulative[i] = total;
        }
    }

    T pick(SplittableRandom random) {
        int ticket = random.nextInt(cumulative[cumulative.length - 1]);
        int index = Arrays.binarySearch(cumulative, ticket + 1);
        return items.get(index >= 0 ? index : -index - 1);
    }
}
