package dev.cohort.sandbox.data;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The rows of {@code orders.csv}: a customer's orders, in date order, between the signup day and
 * {@link IsoDates#AS_OF}. The number of orders per customer is geometric (many customers have none
 * or one, a few have dozens); store orders are mostly at the customer's home store; online orders
 * have no store.
 *
 * <p>Not thread-safe: it numbers orders as it goes and reuses its row array. One instance per file.
 */
final class OrderRows {
    static final List<String> COLUMNS =
            List.of("order_id", "customer_id", "order_date", "store_id", "channel", "amount", "items");

    static final int MAX_ORDERS_PER_CUSTOMER = 60;
    private static final int ORDER_ID_DIGITS = 10;
    private static final int MAX_ITEMS = 24;
    private static final int APP_LAUNCH = IsoDates.PROGRAMME_START + 4 * 365;
    private static final int MIN_ITEM_CENTS = 99;
    /** Item prices are log-normal: median about $18, most between $8 and $40. */
    private static final double LOG_MEDIAN_ITEM_CENTS = StrictMath.log(1_800);
    private static final double LOG_SPREAD = 0.8;
    private static final double SQRT_3 = StrictMath.sqrt(3);

    private final CustomerSeeds seeds;
    private final double newOrderProbability;
    private final int[] days = new int[MAX_ORDERS_PER_CUSTOMER];
    private final String[] row = new String[COLUMNS.size()];
    private long lastOrderNumber;

    /** {@code averagePerCustomer} orders per customer on average (before the cap of 60). */
    OrderRows(CustomerSeeds seeds, double averagePerCustomer) {
        this.seeds = seeds;
        this.newOrderProbability = averagePerCustomer / (1 + averagePerCustomer);
    }

    /** Hands each order row of the customer to {@code sink}; the array is reused. Returns how many. */
    int write(long customerNumber, String customerId, CustomerProfile profile, Consumer<String[]> sink) {
        SplittableRandom random = seeds.random(customerNumber, CustomerSeeds.Stream.ORDERS);
        int count = 0;
        while (count < MAX_ORDERS_PER_CUSTOMER && random.nextDouble() < newOrderProbability) {
            count++;
        }
        int span = IsoDates.AS_OF - profile.signupDay() + 1;
        for (int i = 0; i < count; i++) {
            days[i] = profile.signupDay() + random.nextInt(span);
        }
        Arrays.sort(days, 0, count);
        for (int i = 0; i < count; i++) {
            fill(random, customerId, profile, days[i]);
            sink.accept(row);
        }
        return count;
    }

    private void fill(SplittableRandom random, String customerId, CustomerProfile profile, int day) {
        int roll = random.nextInt(100);
        String channel = roll < 55 ? "store" : roll < 85 || day < APP_LAUNCH ? "web" : "app";
        int items = 1;
        while (items < MAX_ITEMS && random.nextInt(5) < 3) {
            items++;
        }
        row[0] = Text.padded('O', ++lastOrderNumber, ORDER_ID_DIGITS);
        row[1] = customerId;
        row[2] = IsoDates.format(day);
        row[3] = channel.equals("store") ? storeId(random, profile) : "";
        row[4] = channel;
        row[5] = Text.cents(items * itemCents(random));
        row[6] = Integer.toString(items);
    }

    private static String storeId(SplittableRandom random, CustomerProfile profile) {
        int store = random.nextInt(100) < 80 ? profile.homeStore() : 1 + random.nextInt(CustomerProfile.STORES);
        return Text.padded('S', store, 4);
    }

    /** StrictMath, not Math: the output must be the same bytes on every JVM. */
    private static long itemCents(SplittableRandom random) {
        double normal = (random.nextDouble() + random.nextDouble() + random.nextDouble() + random.nextDouble() - 2)
                * SQRT_3;
        long cents = Math.round(StrictMath.exp(LOG_MEDIAN_ITEM_CENTS + LOG_SPREAD * normal));
        return Math.max(MIN_ITEM_CENTS, cents);
    }
}
