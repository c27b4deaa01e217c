package dev.cohort.connector.air;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.event.Identity;
import dev.cohort.spi.event.LoyaltyEvent;
import dev.cohort.spi.event.LoyaltyEvent.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per event family, each against a realistic notification of {@code src/test/resources/air-events}. */
class ExtractorsTest {
    @Nested
    class ServiceTrigger {
        @Test
        void aBehaviouralActionAwardsPoints() {
            LoyaltyEvent event = Fixtures.event("service-trigger.json");

            assertThat(event.kind()).isEqualTo(Kind.POINTS_AWARDED);
            assertThat(event.eventId()).isEqualTo("6f1c2a9e-0b51-4d8e-9a61-0e3c5a7b1001");
            assertThat(event.eventName()).isEqualTo("SERVICE.TRIGGER");
            assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-03-14T10:15:30.512093Z"));
            assertThat(event.walletId()).isEqualTo("310000101");
            assertThat(event.identities()).containsExactly(new Identity("CUSTOMER_ID", "CUST-1001"),
                    new Identity("CARD", "6336000000010001"), new Identity("MOBILE", "+447700910001"));
            assertThat(event.pointsAwarded()).isEqualTo(500);
            assertThat(event.pointsBalance()).isEqualTo(1700);
            assertThat(event.tier()).isEqualTo("301");
            assertThat(event.coupons()).as("a behavioural action's REDEEM is not a coupon").isEmpty();
            assertThat(event.properties()).containsEntry("action_references", "LATE_DELIVERY_500")
                    .containsEntry("transaction_reference", "late-delivery-2025-03-14-0001")
                    .containsEntry("transaction_id", "880000201")
                    .containsEntry("transaction_type", "BEHAVIOURAL_ACTION_POINTS");
        }

        @Test
        void withoutAPointsMovementThePayoutOfTheActionCounts() {
            LoyaltyEvent event = Fixtures.event(Fixtures.changed("service-trigger.json", tree -> {
                var operations = tree.withArrayProperty("atomicOperations");
                operations.remove(2);
            }));

            assertThat(event.pointsAwarded()).isEqualTo(500);
            assertThat(event.pointsBalance()).isNull();
        }
    }

    @Nested
    class PosConnect {
        @Test
        void aSettledPurchaseCarriesBasketPointsCouponsAndTier() {
            LoyaltyEvent event = Fixtures.event("pos-settle.json");

            assertThat(event.kind()).as("a purchase that redeems a coupon stays a purchase").isEqualTo(Kind.PURCHASE_COMPLETED);
            assertThat(event.basketValue()).isEqualByComparingTo("89.50");
            assertThat(event.currency()).isEqualTo("GBP");
            assertThat(event.pointsAwarded()).isEqualTo(389);
            assertThat(event.pointsBalance()).isEqualTo(2089);
            assertThat(event.coupons()).containsExactly("5 off 50");
            assertThat(event.tier()).isEqualTo("301");
            assertThat(event.properties()).containsEntry("transaction_reference", "till7-20250315-0042")
                    .containsEntry("transaction_id", "880000301")
                    .containsEntry("store_id", "store-042")
                    .containsEntry("basket_items", "4")
                    .containsEntry("discount", "5.00")
                    .containsEntry("coupon_value", "5.00")
                    .containsEntry("tier_points", "539");
        }

        @Test
        void basketValuesAreLeftInMinorUnitsWithNoDecimals() {
            AirConfig config = Fixtures.config(Map.of("base_url", "https://air.example", "basket_value_decimals", 0L));

            LoyaltyEvent event = Fixtures.event(config, "pos-settle.json");

            assertThat(event.basketValue()).isEqualByComparingTo("8950");
            assertThat(event.currency()).as("no currency setting, none in the notification").isNull();
        }

        @Test
        void theBasketComesFromTheRequestWhenTheTransactionHasNone() {
            LoyaltyEvent event = Fixtures.event(Fixtures.changed("pos-settle.json", tree -> {
                var operations = tree.withArrayProperty("atomicOperations");
                operations.remove(6);
                tree.withObjectProperty("headers").put("eventName", "POSCONNECT.WALLET.OPEN");
            }));

            assertThat(event.kind()).isEqualTo(Kind.PURCHASE_OPENED);
            assertThat(event.basketValue()).isEqualByComparingTo("89.50");
            assertThat(event.pointsAwarded()).isEqualTo(389);
        }

        @Test
        void aFulfilmentIsReadLikeASettlement() {
            LoyaltyEvent event = Fixtures.event(Fixtures.changed("pos-settle.json",
                    tree -> tree.withObjectProperty("headers").put("eventName", "POSCONNECT.WALLET.FULFIL")));

            assertThat(event.kind()).isEqualTo(Kind.PURCHASE_FULFILLED);
            assertThat(event.basketValue()).isEqualByComparingTo("89.50");
        }

        @Test
        void aRefundCarriesTheRefundedBasketAndThePointsTakenBack() {
            LoyaltyEvent event = Fixtures.event("pos-refund.json");

            assertThat(event.kind()).isEqualTo(Kind.PURCHASE_REFUNDED);
            assertThat(event.basketValue()).as("the refund's basket, not what is left of the purchase").isEqualByComparingTo("49.50");
            assertThat(event.pointsAwarded()).isEqualTo(-49);
            assertThat(event.pointsBalance()).isEqualTo(2040);
            assertThat(event.properties()).containsEntry("transaction_reference", "till3-20250318-0007")
                    .containsEntry("original_transaction_reference", "till7-20250315-0042")
                    .containsEntry("transaction_id", "880000402")
                    .containsEntry("store_id", "store-017");
        }

        @Test
        void aReturnIsARefund() {
            LoyaltyEvent event = Fixtures.event(Fixtures.changed("pos-refund.json",
                    tree -> tree.withObjectProperty("headers").put("eventName", "POSCONNECT.WALLET.RETURN")));

            assertThat(event.kind()).isEqualTo(Kind.PURCHASE_REFUNDED);
            assertThat(event.basketValue()).isEqualByComparingTo("49.50");
        }

        @Test
        void aSpendTakesPointsAndLeavesTheExpectedBalance() {
            LoyaltyEvent event = Fixtures.event("pos-spend.json");

            assertThat(event.kind()).isEqualTo(Kind.POINTS_SPENT);
            assertThat(event.pointsAwarded()).isEqualTo(-1000);
            assertThat(event.pointsBalance()).isEqualTo(1040);
            assertThat(event.basketValue()).isNull();
            assertThat(event.properties()).containsEntry("points_spent", "1000")
                    .containsEntry("transaction_reference", "till7-20250320-0051");
        }

        @Test
        void aVoidedSpendNamesTheSpend() {
            LoyaltyEvent event = Fixtures.event(Fixtures.changed("pos-spend.json", tree -> {
                tree.withObjectProperty("headers").put("eventName", "POSCONNECT.WALLET.SPEND.VOID");
                tree.withArrayProperty("atomicOperations").remove(2);
            }));

            assertThat(event.kind()).isEqualTo(Kind.POINTS_SPEND_VOIDED);
            assertThat(event.pointsAwarded()).as("a lock released changes no balance").isZero();
            assertThat(event.pointsBalance()).isEqualTo(2040);
            assertThat(event.properties()).containsEntry("transaction_reference", "till7-20250320-0051");
        }
    }

    @Nested
    class Tiers {
        @Test
        void aMoveNamesTheTierBeforeAndAfter() {
            LoyaltyEvent event = Fixtures.event("tier-move.json");

            assertThat(event.kind()).isEqualTo(Kind.TIER_MOVED);
            assertThat(event.tier()).isEqualTo("302");
            assertThat(event.previousTier()).isEqualTo("301");
            assertThat(event.walletId()).isEqualTo("310000101");
            assertThat(event.pointsAwarded()).isNull();
            assertThat(event.properties()).containsEntry("tier_id", "302").containsEntry("previous_tier_id", "301")
                    .containsEntry("tier_points", "5200").containsEntry("tier_spend", "310000")
                    .containsEntry("tier_transactions", "41").containsEntry("tier_transaction_type", "MOVE")
                    .containsEntry("tier_membership_id", "8000001");
        }

        @Test
        void tierNamesReplaceIds() {
            AirConfig config = Fixtures.config(Map.of("base_url", "https://air.example", "tier_names", "301=Silver, 302=Gold"));

            LoyaltyEvent event = Fixtures.event(config, "tier-move.json");

            assertThat(event.tier()).isEqualTo("Gold");
            assertThat(event.previousTier()).isEqualTo("Silver");
            assertThat(event.properties()).containsEntry("tier_id", "302");
        }

        @Test
        void aNameTheNotificationCarriesIsUsed() {
            LoyaltyEvent event = Fixtures.event(Fixtures.changed("tier-move.json",
                    tree -> ((tools.jackson.databind.node.ObjectNode) tree.withArrayProperty("atomicOperations").get(1).get("objectValue"))
                            .put("name", "Gold")));

            assertThat(event.tier()).isEqualTo("Gold");
            assertThat(event.previousTier()).isEqualTo("301");
        }

        @Test
        void anAdjustmentCarriesTheChangeOfTierPoints() {
            LoyaltyEvent event = Fixtures.event("tier-adjust.json");

            assertThat(event.kind()).isEqualTo(Kind.TIER_ADJUSTED);
            assertThat(event.tier()).isEqualTo("302");
            assertThat(event.previousTier()).isNull();
            assertThat(event.walletId()).as("from the enrichment data's key").isEqualTo("310000101");
            assertThat(event.properties()).containsEntry("tier_points_change", "-250").containsEntry("tier_points", "4950")
                    .containsEntry("tier_transaction_type", "ADJUSTMENT");
        }

        @Test
        void creditsDebitsAndJoiningAreTierEventsToo() {
            for (var entry : Map.of("TIER.MEMBERSHIP.CREDIT", Kind.TIER_CREDITED, "TIER.MEMBERSHIP.DEBIT", Kind.TIER_DEBITED,
                    "TIER.MEMBERSHIP.CREATE", Kind.TIER_JOINED).entrySet()) {
                LoyaltyEvent event = Fixtures.event(Fixtures.changed("tier-adjust.json",
                        tree -> tree.withObjectProperty("headers").put("eventName", entry.getKey())));

                assertThat(event.kind()).isEqualTo(entry.getValue());
                assertThat(event.tier()).isEqualTo("302");
                assertThat(event.properties()).containsEntry("tier_points_change", "-250");
            }
        }
    }

    @Nested
    class Wallets {
        @Test
        void aNewWallet() {
            LoyaltyEvent event = Fixtures.event("wallet-create.json");

            assertThat(event.kind()).isEqualTo(Kind.WALLET_CREATED);
            assertThat(event.walletId()).isEqualTo("310000202");
            assertThat(event.identity("CUSTOMER_ID")).contains(new Identity("CUSTOMER_ID", "CUST-2001"));
            assertThat(event.properties()).containsEntry("wallet_status", "ACTIVE").containsEntry("wallet_type", "CONSUMER");
        }

        @Test
        void aWalletOpenedWithItsAccounts() {
            LoyaltyEvent event = Fixtures.event(Fixtures.changed("account-create-plan.json",
                    tree -> tree.withObjectProperty("headers").put("eventName", "SERVICE.WALLET.ACCOUNTS.CREATE")));

            assertThat(event.kind()).isEqualTo(Kind.WALLET_CREATED);
            assertThat(event.properties()).containsEntry("accounts_opened", "3");
        }

        @Test
        void aDeletedWalletHasNoIdentitiesLeft() {
            LoyaltyEvent event = Fixtures.event("wallet-delete.json");

            assertThat(event.kind()).isEqualTo(Kind.WALLET_DELETED);
            assertThat(event.walletId()).isEqualTo("310000303");
            assertThat(event.identities()).as("deleted identities are not identities").isEmpty();
            assertThat(event.pointsBalance()).isZero();
            assertThat(event.pointsAwarded()).isZero();
            assertThat(event.coupons()).as("a cancelled coupon is not redeemed").isEmpty();
            assertThat(event.properties()).containsEntry("wallet_status", "DELETED");
        }
    }

    @Nested
    class Consumers {
        @Test
        void aConsumerRecordWithoutItsPersonalData() {
            LoyaltyEvent event = Fixtures.event("consumer-create.json");

            assertThat(event.kind()).isEqualTo(Kind.CONSUMER_CREATED);
            assertThat(event.walletId()).isEqualTo("310000202");
            assertThat(event.properties()).containsEntry("consumer_id", "4400202").containsEntry("consumer_status", "ACTIVE")
                    .containsEntry("marketing_opt_in", "true");
            assertThat(event.properties().values()).noneMatch(value -> value.contains("Robin") || value.contains("robin@")
                    || value.contains("1990"));
        }

        @Test
        void anUpdate() {
            LoyaltyEvent event = Fixtures.event(Fixtures.changed("consumer-create.json",
                    tree -> tree.withObjectProperty("headers").put("eventName", "WALLET.CONSUMER.UPDATE")));

            assertThat(event.kind()).isEqualTo(Kind.CONSUMER_UPDATED);
            assertThat(event.properties()).containsEntry("consumer_id", "4400202");
        }
    }

    @Nested
    class Accounts {
        @Test
        void theSchemesPointsAccount() {
            LoyaltyEvent event = Fixtures.event("account-create-scheme.json");

            assertThat(event.kind()).isEqualTo(Kind.ACCOUNT_CREATED);
            assertThat(event.pointsBalance()).isZero();
            assertThat(event.pointsAwarded()).isZero();
            assertThat(event.properties()).containsEntry("account_type", "POINTS").containsEntry("scheme_id", "700001")
                    .containsEntry("account_id", "5000202").containsEntry("account_status", "ACTIVE");
        }

        @Test
        void aCampaignAccount() {
            LoyaltyEvent event = Fixtures.event(Fixtures.changed("account-create-plan.json",
                    tree -> tree.withObjectProperty("headers").put("eventName", "WALLET.ACCOUNT.CREATE.CAMPAIGN")));

            assertThat(event.kind()).isEqualTo(Kind.ACCOUNT_CREATED);
            assertThat(event.properties()).containsEntry("account_id", "5000211").containsEntry("account_type", "ECOUPON")
                    .containsEntry("account_client_type", "ENTITLEMENT").containsEntry("campaign_id", "700901");
        }

        @Test
        void aPlanJoined() {
            LoyaltyEvent event = Fixtures.event("account-create-plan.json");

            assertThat(event.kind()).isEqualTo(Kind.PLAN_JOINED);
            assertThat(event.properties()).containsEntry("plan_id", "700900").containsEntry("account_type", "STANDARD_SUBSCRIPTION")
                    .containsEntry("entitlements", "2");
        }

        @Test
        void aCancelledSubscriptionIsAnAccountUpdate() {
            LoyaltyEvent event = Fixtures.event(Fixtures.changed("account-create-plan.json", tree -> {
                tree.withObjectProperty("headers").put("eventName", "WALLET.ACCOUNT.UPDATE");
                var operations = tree.withArrayProperty("atomicOperations");
                operations.remove(1);
                operations.remove(0);
                var movement = (tools.jackson.databind.node.ObjectNode) operations.get(0).get("objectValue");
                movement.put("event", "CANCEL");
                ((tools.jackson.databind.node.ObjectNode) movement.get("account")).put("status", "CANCELLED");
            }));

            assertThat(event.kind()).isEqualTo(Kind.ACCOUNT_UPDATED);
            assertThat(event.properties()).containsEntry("account_status", "CANCELLED").containsEntry("campaign_id", "700900");
        }
    }

    @Nested
    class Redemptions {
        @Test
        void anAccountUpdateThatRedeemsACouponIsARedemption() {
            LoyaltyEvent event = Fixtures.event("account-update-redeem.json");

            assertThat(event.kind()).isEqualTo(Kind.COUPON_REDEEMED);
            assertThat(event.coupons()).as("no campaign name: its id").containsExactly("700310");
            assertThat(event.properties()).containsEntry("coupon_value", "2.50").containsEntry("account_id", "5000220");
        }

        @Test
        void anyEventThatRedeemsIsARedemption() {
            for (String name : new String[] {"WALLET.ACCOUNT.TRANSACTION.REDEEM", "SOMETHING.AIR.ADDS.LATER"}) {
                LoyaltyEvent event = Fixtures.event(Fixtures.changed("account-update-redeem.json",
                        tree -> tree.withObjectProperty("headers").put("eventName", name)));

                assertThat(event.kind()).as(name).isEqualTo(Kind.COUPON_REDEEMED);
                assertThat(event.coupons()).containsExactly("700310");
            }
        }
    }

    @Nested
    class Unknown {
        @Test
        void anUnknownEventIsOtherWithTheCommonFacts() {
            LoyaltyEvent event = Fixtures.event("unknown-event.json");

            assertThat(event.kind()).isEqualTo(Kind.OTHER);
            assertThat(event.eventName()).isEqualTo("WALLET.INVITE.CREATE");
            assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-03-26T07:00:00Z"));
            assertThat(event.walletId()).isEqualTo("310000202");
            assertThat(event.identities()).hasSize(3);
            assertThat(event.pointsBalance()).isNull();
            assertThat(event.basketValue()).isNull();
            assertThat(event.properties()).isEmpty();
        }
    }

    /**
     * A writer that puts an account beside its movement instead of inside it, names transactions {@code transactionId},
     * gives the basket's total after discount and its currency, and a tier's name and previous tier on the membership
     * (as a stand-in may): the same facts come out.
     */
    @Nested
    class FlatterShapes {
        @Test
        void aTriggerWhoseMovementNamesNoAccountType() {
            LoyaltyEvent event = Fixtures.event("flat-trigger.json");

            assertThat(event.kind()).isEqualTo(Kind.POINTS_AWARDED);
            assertThat(event.walletId()).isEqualTo("500001");
            assertThat(event.identity("CUSTOMER_ID")).contains(new Identity("CUSTOMER_ID", "C0001"));
            assertThat(event.pointsAwarded()).as("the account's type comes from its walletAccountEntity").isEqualTo(10000);
            assertThat(event.pointsBalance()).isEqualTo(10250);
            assertThat(event.properties()).containsEntry("transaction_id", "900001").containsEntry("transaction_reference", "ref-1")
                    .containsEntry("action_references", "APP_DOWNLOAD");
        }

        @Test
        void aSettlementWithTheTotalAfterDiscountAndItsCurrency() {
            LoyaltyEvent event = Fixtures.event("flat-settle.json");

            assertThat(event.kind()).isEqualTo(Kind.PURCHASE_COMPLETED);
            assertThat(event.basketValue()).isEqualByComparingTo("45.99");
            assertThat(event.currency()).as("the notification's currency wins over the setting").isEqualTo("EUR");
            assertThat(event.pointsAwarded()).isEqualTo(46);
            assertThat(event.pointsBalance()).isEqualTo(10296);
            assertThat(event.properties()).containsEntry("transaction_id", "900002").containsEntry("discount", "4.00")
                    .containsEntry("store_id", "sandbox-store").containsEntry("transaction_reference", "pos-900002");
        }

        @Test
        void aMoveWhoseMembershipNamesBothTiers() {
            LoyaltyEvent event = Fixtures.event("flat-tier-move.json");

            assertThat(event.kind()).isEqualTo(Kind.TIER_MOVED);
            assertThat(event.tier()).isEqualTo("Gold");
            assertThat(event.previousTier()).isEqualTo("Silver");
            assertThat(event.walletId()).isEqualTo("500001");
            assertThat(event.properties()).containsEntry("tier_id", "3002").containsEntry("previous_tier_id", "3001")
                    .containsEntry("tier_points", "10296").containsEntry("tier_membership_id", "800001");
        }
    }

    @Test
    void moneyIsWrittenPlainly() {
        LoyaltyEvent event = Fixtures.event("pos-settle.json");

        assertThat(event.basketValue()).isEqualTo(new BigDecimal("89.50"));
        assertThat(event.properties().get("discount")).isEqualTo("5.00");
    }
}
