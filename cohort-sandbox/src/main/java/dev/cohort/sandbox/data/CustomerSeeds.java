package dev.cohort.sandbox.data;

import java.util.SplittableRandom;

/**
 * Independent random streams per customer, derived from the data set's seed and the customer's
 * number. Customer {@code n} is therefore the same whatever the number of customers, and the
 * customers file and the orders file can be written apart and still agree.
 */
final class CustomerSeeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** What a stream is used for; each gets values unrelated to the others'. */
    enum Stream {
        /** Facts both files need: the signup day and the home store. */
        PROFILE(0x5851F42D4C957F2DL),
        CUSTOMER(0x14057B7EF767814FL),
        ORDERS(0x2545F4914F6CDD1DL);

        private final long salt;

        Stream(long salt) {
            this.salt = salt;
        }
    }

    private final long mixedSeed;

    CustomerSeeds(long seed) {
        this.mixedSeed = mix(seed);
    }

    SplittableRandom random(long customerNumber, Stream stream) {
        return new SplittableRandom(mix(mixedSeed + customerNumber * GOLDEN_GAMMA + stream.salt));
    }

    /** A value of the seed alone, for data-set-wide choices. */
    long datasetValue(long salt) {
        return mix(mixedSeed ^ salt);
    }

    /** Stafford's 64-bit finaliser (variant 13), as in SplitMix64. */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
