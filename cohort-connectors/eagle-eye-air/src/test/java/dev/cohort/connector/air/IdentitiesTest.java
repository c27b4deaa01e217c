package dev.cohort.connector.air;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.event.Identity;
import dev.cohort.spi.event.LoyaltyEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Which identities an event carries, and so which one the connector's identity type picks. */
class IdentitiesTest {
    @Test
    void theConfiguredTypePicksItsIdentityIgnoringCase() {
        LoyaltyEvent event = Fixtures.event("pos-settle.json");

        assertThat(event.identity("CARD")).contains(new Identity("CARD", "6336000000010001"));
        assertThat(event.identity("mobile")).contains(new Identity("MOBILE", "+447700910001"));
        assertThat(event.identity("EMAIL")).as("no identity of that type: the runtime dead-letters the event").isEmpty();
    }

    @Test
    void withoutEnrichmentDataTheIdentityOperationsAreUsed() {
        LoyaltyEvent event = Fixtures.event(Fixtures.changed("wallet-create.json", tree -> tree.remove("enrichmentData")));

        assertThat(event.identities()).containsExactly(new Identity("CUSTOMER_ID", "CUST-2001"),
                new Identity("CARD", "6336000000020001"), new Identity("MOBILE", "+447700920001"));
    }

    @Test
    void enrichmentDataWinsOverTheIdentityOperations() {
        LoyaltyEvent event = Fixtures.event(Fixtures.changed("wallet-create.json", tree -> identities(tree, "310000202")
                .removeAll().add(identity("CUSTOMER_ID", "CUST-ENRICHED", "ACTIVE"))));

        assertThat(event.identities()).containsExactly(new Identity("CUSTOMER_ID", "CUST-ENRICHED"));
    }

    @Test
    void enrichmentDataWithoutIdentitiesFallsBackToTheOperations() {
        LoyaltyEvent event = Fixtures.event(Fixtures.changed("wallet-create.json", tree -> identities(tree, "310000202").removeAll()));

        assertThat(event.identity("CUSTOMER_ID")).contains(new Identity("CUSTOMER_ID", "CUST-2001"));
    }

    @Test
    void anActiveIdentityComesBeforeAnInactiveOneAndDeletedOnesAreLeftOut() {
        LoyaltyEvent event = Fixtures.event(Fixtures.changed("unknown-event.json", tree -> identities(tree, "310000202").removeAll()
                .add(identity("CARD", "DELETED_1_abc", "DELETED"))
                .add(identity("CARD", "1111", "SUSPENDED"))
                .add(identity("CARD", "2222", "ACTIVE"))
                .add(identity("EMAIL", null, "ACTIVE"))));

        assertThat(event.identity("CARD")).contains(new Identity("CARD", "2222"));
        assertThat(event.identities()).containsExactly(new Identity("CARD", "2222"), new Identity("CARD", "1111"));
    }

    @Test
    void theEventsWalletComesFirstWhenSeveralAreEnriched() {
        LoyaltyEvent event = Fixtures.event(Fixtures.changed("pos-settle.json", tree -> {
            ObjectNode enrichment = tree.withObjectProperty("enrichmentData");
            ObjectNode other = Json.MAPPER.createObjectNode();
            other.putArray("identities").add(identity("CUSTOMER_ID", "CUST-OTHER", "ACTIVE"));
            ObjectNode reordered = Json.MAPPER.createObjectNode();
            reordered.set("walletEntity_999", other);
            reordered.setAll(enrichment);
            tree.set("enrichmentData", reordered);
        }));

        assertThat(event.walletId()).isEqualTo("310000101");
        assertThat(event.identity("CUSTOMER_ID")).contains(new Identity("CUSTOMER_ID", "CUST-1001"));
    }

    @Test
    void anEventWithoutIdentitiesHasNone() {
        LoyaltyEvent event = Fixtures.event("wallet-delete.json");

        assertThat(event.identities()).isEmpty();
        assertThat(event.identity("CUSTOMER_ID")).isEmpty();
    }

    private static ArrayNode identities(ObjectNode tree, String walletId) {
        return tree.withObjectProperty("enrichmentData").withObjectProperty("walletEntity_" + walletId).withArrayProperty("identities");
    }

    private static ObjectNode identity(String type, String value, String status) {
        ObjectNode identity = Json.MAPPER.createObjectNode();
        identity.put("identityId", "1");
        identity.put("type", type);
        if (value != null) {
            identity.put("value", value);
        }
        identity.put("state", "DEFAULT");
        identity.put("status", status);
        return identity;
    }
}
