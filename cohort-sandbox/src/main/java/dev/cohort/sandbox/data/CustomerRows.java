package dev.cohort.sandbox.data;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The rows of {@code customers.csv}: one customer from its number alone (and the data set's seed).
 *
 * <p>Not thread-safe: it reuses its row array and buffers. Use one instance per writing thread.
 */
final class CustomerRows {
    static final List<String> COLUMNS = List.of("customer_id", "loyalty_id", "first_name", "last_name", "email",
            "phone", "address_line_1", "address_line_2", "city", "state", "postal_code", "country", "birth_date",
            "signup_date", "points_balance", "tier", "email_opt_in");

    /** Per mille of customers whose birth date is unknown, and of those with the 1900-01-01 placeholder. */
    static final int NO_BIRTH_DATE_PER_MILLE = 30;
    static final int PLACEHOLDER_BIRTH_DATE_PER_MILLE = 2;

    private static final WeightedList<String> COUNTRIES =
            new WeightedList<>(List.of("US", "GB", "CA"), new int[] {90, 6, 4});
    private static final String PLACEHOLDER_BIRTH_DATE = "1900-01-01";
    private static final long LOYALTY_NUMBERS = 100_000_000_000L;
    /** Prime to 10, so customer numbers map one-to-one onto loyalty numbers. */
    private static final long LOYALTY_MULTIPLIER = 61_803_398_873L;
    private static final int MULTIPLIER_LOW_BITS = 20;
    private static final int DAYS_PER_YEAR = 365;
    /** Eighteen years before {@link IsoDates#AS_OF}, with their five leap days: members are adults. */
    private static final int ADULT_DAYS = 18 * DAYS_PER_YEAR + 5;

    private final ReferenceData reference;
    private final CustomerSeeds seeds;
    private final long loyaltyOffset;
    private final EmailAddresses emails = new EmailAddresses();
    private final PhoneNumbers phones = new PhoneNumbers();
    private final PostalAddresses addresses;
    private final String[] row = new String[COLUMNS.size()];

    CustomerRows(ReferenceData reference, CustomerSeeds seeds) {
        this.reference = reference;
        this.seeds = seeds;
        this.loyaltyOffset = Math.floorMod(seeds.datasetValue(LOYALTY_MULTIPLIER), LOYALTY_NUMBERS);
        this.addresses = new PostalAddresses(reference.streets);
    }

    /** The row of customer {@code number}; the array is reused by the next call. */
    String[] next(long number, String customerId, CustomerProfile profile) {
        SplittableRandom random = seeds.random(number, CustomerSeeds.Stream.CUSTOMER);
        String country = COUNTRIES.pick(random);
        Place place = reference.placesByCountry.get(country).pick(random);
        PersonName first = reference.firstNames.get(random.nextInt(reference.firstNames.size()));
        PersonName last = reference.lastNames.get(random.nextInt(reference.lastNames.size()));
        // ages 18 to 82, evenly spread between 32 and 68
        int birthDay = IsoDates.AS_OF - ADULT_DAYS
                - random.nextInt(14 * DAYS_PER_YEAR) - random.nextInt(50 * DAYS_PER_YEAR);
        String email = emails.next(random, first, last, country, IsoDates.year(birthDay));
        String tier = tier(random);

        row[0] = customerId;
        row[1] = Text.padded('6', loyaltyNumber(number), 11);
        writeNames(random, first, last);
        row[4] = email;
        row[5] = phones.next(random, place);
        row[6] = addresses.firstLine(random, place);
        row[7] = addresses.secondLine(random, place);
        row[8] = place.city();
        row[9] = place.region();
        row[10] = addresses.postalCode(random, place);
        row[11] = country;
        row[12] = birthDate(random, birthDay);
        row[13] = IsoDates.format(profile.signupDay());
        row[14] = Long.toString(pointsBalance(random, tier));
        row[15] = tier;
        row[16] = !email.isEmpty() && random.nextInt(100) < 64 ? "true" : "false";
        return row;
    }

    /**
     * An 11-digit number unique to the customer: {@code number * LOYALTY_MULTIPLIER + offset} modulo
     * 10^11, the product taken in two halves so it cannot overflow.
     */
    private long loyaltyNumber(long number) {
        long n = number % LOYALTY_NUMBERS;
        long high = n * (LOYALTY_MULTIPLIER >>> MULTIPLIER_LOW_BITS) % LOYALTY_NUMBERS;
        long low = n * (LOYALTY_MULTIPLIER & ((1L << MULTIPLIER_LOW_BITS) - 1));
        return ((high << MULTIPLIER_LOW_BITS) + low + loyaltyOffset) % LOYALTY_NUMBERS;
    }

    private void writeNames(SplittableRandom random, PersonName first, PersonName last) {
        int style = random.nextInt(1000);
        if (style < 15) {
            row[2] = first.display().toUpperCase(Locale.ROOT);
            row[3] = last.display().toUpperCase(Locale.ROOT);
        } else if (style < 20) {
            row[2] = first.display().toLowerCase(Locale.ROOT);
            row[3] = last.display().toLowerCase(Locale.ROOT);
        } else {
            row[2] = first.display();
            row[3] = last.display();
        }
    }

    private static String birthDate(SplittableRandom random, int birthDay) {
        int roll = random.nextInt(1000);
        if (roll < NO_BIRTH_DATE_PER_MILLE) {
            return "";
        }
        return roll < NO_BIRTH_DATE_PER_MILLE + PLACEHOLDER_BIRTH_DATE_PER_MILLE
                ? PLACEHOLDER_BIRTH_DATE : IsoDates.format(birthDay);
    }

    private static String tier(SplittableRandom random) {
        int roll = random.nextInt(1000);
        if (roll < 620) {
            return "Bronze";
        }
        if (roll < 860) {
            return "Silver";
        }
        return roll < 970 ? "Gold" : "Platinum";
    }

    private static long pointsBalance(SplittableRandom random, String tier) {
        return switch (tier) {
            case "Bronze" -> random.nextInt(100) < 15 ? 0 : random.nextInt(1_000);
            case "Silver" -> 1_000 + random.nextInt(4_000);
            case "Gold" -> 5_000 + random.nextInt(15_000);
            default -> 20_000 + random.nextInt(60_000) + (random.nextInt(5) == 0 ? random.nextInt(200_000) : 0);
        };
    }
}
