package dev.cohort.connector.braze;

import static dev.cohort.connector.braze.BrazeSettingsTest.problems;
import static dev.cohort.connector.braze.BrazeSettingsTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.config.ConfigProblem;
import dev.cohort.spi.event.LoyaltyEvent.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping settings' syntax: what it reads, and every mistake named with its setting and entry. */
class MappingSettingsTest {
    @Test
    void eventNameEntriesOverrideTheBuiltInNamesAndDashSendsNone() {
        BrazeMapping mapping = Events.config("event_names",
                " PURCHASE_COMPLETED = Order Completed (AIR) , points-awarded=Points Credited, wallet_deleted=-,").mapping();

        assertThat(mapping.eventNames()).containsEntry(Kind.PURCHASE_COMPLETED, "Order Completed (AIR)")
                .containsEntry(Kind.POINTS_AWARDED, "Points Credited")
                .containsEntry(Kind.TIER_MOVED, "Tier Changed")
                .doesNotContainKeys(Kind.WALLET_DELETED, Kind.OTHER);
    }

    @Test
    void aPlatformEventNameComesBeforeItsKind() {
        BrazeMapping mapping = Events.config("event_names", "posconnect.wallet.spend=Points Used,AIR.TIER_MOVED=-,OTHER=Loyalty Activity")
                .mapping();

        assertThat(mapping.eventName(Events.bare(Kind.POINTS_SPENT, "1"))).contains("Points Spent");
        assertThat(mapping.eventName(new dev.cohort.spi.event.LoyaltyEvent("2", "POSCONNECT.WALLET.SPEND", Kind.POINTS_SPENT, Events.AT,
                null, null, null, null, null, null, null, null, null, null))).contains("Points Used");
        assertThat(mapping.eventName(Events.bare(Kind.TIER_MOVED, "3"))).isEmpty();
        assertThat(mapping.eventName(Events.bare(Kind.OTHER, "4"))).contains("Loyalty Activity");
    }

    @Test
    void attributeEntriesOverrideTheBuiltInOnes() {
        BrazeMapping mapping = Events.config("attributes", "points_balance=ee_points,tier=-,wallet_id=ee_wallet").mapping();

        assertThat(mapping.attributes()).containsEntry(LoyaltyFact.POINTS_BALANCE, "ee_points")
                .containsEntry(LoyaltyFact.WALLET_ID, "ee_wallet")
                .doesNotContainKey(LoyaltyFact.TIER);
    }

    @Test
    void propertyEntriesRenameOrLeaveOut() {
        BrazeMapping mapping = Events.config("properties", "ees_event_id=air_event_id,wallet_id=-,store=store_id").mapping();

        assertThat(mapping.propertyName("ees_event_id")).isEqualTo("air_event_id");
        assertThat(mapping.propertyName("wallet_id")).isEmpty();
        assertThat(mapping.propertyName("store")).isEqualTo("store_id");
        assertThat(mapping.propertyName("tier")).isEqualTo("tier");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "POINTS_AWARDED | entry 1 'POINTS_AWARDED' has no '='",
        "POINTS_AWARDED= | has nothing after '='",
        "=Points Earned | entry 1 has nothing before '='",
        "POINTS_AWARDED=a=b | more than one '='",
        "TIER_MOVED=A,,TIER_JOINED=B | entry 2 is empty",
        "TIER_MOVED=A,tier_moved=B | entry 2 ('tier_moved') repeats a key",
        "POINTS_AWARDE=Points | is not a kind of loyalty event; did you mean 'POINTS_AWARDED'?",
        "POINTS_AWARDED=$points | starts with '$'",
        "WALLET.=Joined | not an event name of the loyalty platform",
    })
    void aWrongEventNameEntryIsNamed(String value, String expected) {
        List<ConfigProblem> problems = problems(with("event_names", value));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("event_names");
            assertThat(problem.message()).contains(expected);
        });
    }

    @Test
    void anEventNameLongerThanBrazeTakesIsRefused() {
        assertThat(problems(with("event_names", "TIER_MOVED=" + "x".repeat(256)))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("entry 1 ('TIER_MOVED')").contains("256 characters"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "points_balanc=points | did you mean 'points_balance'?",
        "points_awarded=points | describes one event, not the consumer",
        "tier=email | identifies the Braze user",
        "tier=loyalty_points | points_balance and tier would both set the attribute 'loyalty_points'",
        "tier | has no '='",
    })
    void aWrongAttributeEntryIsNamed(String value, String expected) {
        assertThat(problems(with("attributes", value))).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("attributes");
            assertThat(problem.message()).contains(expected);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tier=points_balance | the facts points_balance and tier would both be sent as the property 'points_balance'",
        "$store=store | the property starts with '$'",
        "tier=$tier | the property name '$tier' starts with '$'",
    })
    void aWrongPropertyEntryIsNamed(String value, String expected) {
        assertThat(problems(with("properties", value))).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("properties");
            assertThat(problem.message()).contains(expected);
        });
    }

    @Test
    void problemsOfSeveralEntriesAreAllReported() {
        List<ConfigProblem> problems = problems(with("event_names", "TIER=A,POINTS_AWARDED,COUPON_REDEEMED=$x"));

        assertThat(problems).hasSize(3).allSatisfy(problem -> assertThat(problem.field()).isEqualTo("event_names"));
        assertThat(problems).extracting(ConfigProblem::message).anySatisfy(m -> assertThat(m).startsWith("entry 1"))
                .anySatisfy(m -> assertThat(m).startsWith("entry 2")).anySatisfy(m -> assertThat(m).startsWith("entry 3"));
    }
}
