package dev.cohort.sandbox.air;

import java.util.List;

/**
 * The loyalty program the sandbox runs when nothing else is configured (the command line, {@code cohort demo}):
 * a demo client, four behavioural actions, three tiers and five wallets. The customer ids match the first customers
 * of Cohort's synthetic customer data ({@code C0000001} …), so a query over that data finds these wallets. The client
 * secret and the external key are public demo values, for a sandbox on loopback only.
 */
public final class AirDemoProgram {
    public static final String CLIENT_ID = "cohort-sandbox";
    public static final String CLIENT_SECRET = "sandbox-client-secret";
    public static final String EXTERNAL_KEY = "sandbox-external-key";
    public static final String UNIT_ID = "9001";
    /** Issued for installing the app: 10,000 points (the reference's example audience). */
    public static final AirAction APP_DOWNLOAD = new AirAction("APP_DOWNLOAD", 10_000);
    /** Issued when a delivery was late (the reference's sample journey). */
    public static final AirAction LATE_DELIVERY = new AirAction("LATE_DELIVERY", 500);
    public static final AirAction BIRTHDAY = new AirAction("BIRTHDAY", 1_000);
    public static final AirAction PRODUCT_REVIEW = new AirAction("PRODUCT_REVIEW", 250);
    public static final List<AirAction> ACTIONS = List.of(APP_DOWNLOAD, LATE_DELIVERY, BIRTHDAY, PRODUCT_REVIEW);
    public static final List<AirTier> TIERS = List.of(new AirTier("Bronze", 0), new AirTier("Silver", 5_000), new AirTier("Gold", 20_000));
    /** Five wallets, 500001 to 500005, each with a CUSTOMER_ID, an EMAIL and a MOBILE identity. */
    public static final List<List<AirIdentity>> WALLETS = List.of(
            wallet(1), wallet(2), wallet(3), wallet(4), wallet(5));

    private AirDemoProgram() {
    }

    /** The identities of demo wallet {@code number}: {@code C000000n}, {@code member<n>@example.com}, {@code +44770090000n}. */
    private static List<AirIdentity> wallet(int number) {
        return List.of(AirIdentity.customerId(String.format("C%07d", number)),
                AirIdentity.email("member" + number + "@example.com"),
                AirIdentity.mobile(String.format("+447700900%03d", number)));
    }
}
