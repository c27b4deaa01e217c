package dev.cohort.sandbox.data;

import java.util.SplittableRandom;

/**
 * The facts about a customer that both the customers file and the orders file need.
 *
 * @param signupDay epoch day the customer joined the programme
 * @param homeStore number of the store the customer shops at most (1-based)
 */
record CustomerProfile(int signupDay, int homeStore) {
    static final int STORES = 480;

    static CustomerProfile of(CustomerSeeds seeds, long customerNumber) {
        SplittableRandom random = seeds.random(customerNumber, CustomerSeeds.Stream.PROFILE);
        int span = IsoDates.AS_OF - IsoDates.PROGRAMME_START + 1;
        // the later of two draws: membership grows, so recent years have more signups
        int offset = Math.max(random.nextInt(span), random.nextInt(span));
        return new CustomerProfile(IsoDates.PROGRAMME_START + offset, 1 + random.nextInt(STORES));
    }
}
