package dev.cohort.connector.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.connector.air.AirEnvelope.AirIdentity;
import dev.cohort.spi.event.NotificationRejectedException;
import dev.cohort.spi.event.NotificationRejectedException.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopeReaderTest {
    @Test
    void readsEveryPartOfTheEnvelope() {
        AirEnvelope envelope = EnvelopeReader.read(Fixtures.bytes("pos-settle.json")).orElseThrow();

        assertThat(envelope.headers().eventName()).isEqualTo("POSCONNECT.WALLET.SETTLE");
        assertThat(envelope.headers().eesEventId()).isEqualTo("0d7e4c11-6a2b-4f3e-8c9d-5b1a2e3f1002");
        assertThat(envelope.headers().occurredAt()).isEqualTo(Instant.parse("2025-03-15T17:42:08.104522Z"));
        assertThat(envelope.headers().unitId()).isEqualTo("400123");
        assertThat(envelope.headers().clientId()).isEqualTo("acme-client-01");
        assertThat(envelope.request().resource()).isEqualTo("/connect/wallet/settle");
        assertThat(envelope.request().method()).isEqualTo("POST");
        assertThat(envelope.response().code()).isEqualTo(200);
        assertThat(envelope.atomicOperations()).extracting(AirEnvelope.AtomicOperation::objectType).containsExactly(
                "walletTransactionEntity", "walletAccountTransactionEntity", "walletAccountTransactionEntity",
                "walletAccountTransactionEntity", "tierMembershipTransactionEntity", "tierMembershipEntity", "walletTransactionEntity");
        assertThat(envelope.enrichmentData()).singleElement().satisfies(wallet -> {
            assertThat(wallet.key()).isEqualTo("walletEntity_310000101");
            assertThat(wallet.walletId()).isEqualTo("310000101");
            assertThat(wallet.identities()).extracting(AirIdentity::type).containsExactly("CUSTOMER_ID", "CARD", "MOBILE");
        });
    }

    @Test
    void readsBodiesSentAsJsonTextIntoTrees() {
        AirEnvelope envelope = EnvelopeReader.read(Fixtures.bytes("pos-settle.json")).orElseThrow();

        assertThat(Json.text(envelope.request().body(), "reference")).isEqualTo("till7-20250315-0042");
        assertThat(Json.text(envelope.response().body().path("walletTransactions").get(0), "type")).isEqualTo("SETTLE");
    }

    @Test
    void keepsABodyThatIsAnObjectOrNotJsonAsItIs() {
        AirEnvelope object = EnvelopeReader.read(Fixtures.bytes("service-trigger.json")).orElseThrow();
        AirEnvelope text = EnvelopeReader.read(Fixtures.changed("service-trigger.json",
                tree -> tree.withObjectProperty("request").put("body", "identityValue=1&x=2"))).orElseThrow();

        assertThat(Json.text(object.response().body(), "walletTransactionId")).isEqualTo("880000201");
        assertThat(text.request().body().stringValue()).isEqualTo("identityValue=1&x=2");
    }

    @Test
    void ignoresFieldsItDoesNotKnowAndTakesEmptyListsForEmptyObjects() {
        byte[] body = Fixtures.changed("unknown-event.json", tree -> {
            tree.withObjectProperty("headers").put("eesNewHeader", "x");
            tree.putArray("enrichmentData");
            tree.putArray("request");
        });

        AirEnvelope envelope = EnvelopeReader.read(body).orElseThrow();

        assertThat(envelope.enrichmentData()).isEmpty();
        assertThat(envelope.request().resource()).isNull();
        assertThat(envelope.headers().eventName()).isEqualTo("WALLET.INVITE.CREATE");
    }

    @Test
    void takesIdsWrittenAsNumbers() {
        byte[] body = Fixtures.changed("unknown-event.json", tree -> {
            tree.withObjectProperty("headers").put("eesEventId", 123456789L);
            tree.withObjectProperty("headers").put("unitId", 400123);
        });

        AirEnvelope envelope = EnvelopeReader.read(body).orElseThrow();

        assertThat(envelope.headers().eesEventId()).isEqualTo("123456789");
        assertThat(envelope.headers().unitId()).isEqualTo("400123");
    }

    @Test
    void anEmptyObjectIsAPingNotAnEvent() {
        assertThat(EnvelopeReader.read("{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void rejectsANotificationWithEveryProblemByPath() {
        byte[] body = Fixtures.changed("pos-settle.json", tree -> {
            tree.withObjectProperty("headers").remove("eventName");
            tree.withObjectProperty("headers").put("eesEventId", "  ");
            tree.withObjectProperty("headers").put("eventDate", "yesterday at noon");
            tree.put("atomicOperations", "none");
            tree.withObjectProperty("enrichmentData").withObjectProperty("walletEntity_310000101").put("identities", 3);
        });

        assertThatThrownBy(() -> EnvelopeReader.read(body))
                .isInstanceOfSatisfying(NotificationRejectedException.class, rejected -> {
                    assertThat(rejected.errorCode()).isEqualTo(NotificationRejectedException.CODE);
                    assertThat(rejected.problems()).extracting(Problem::path).containsExactly("headers.eventName", "headers.eesEventId",
                            "headers.eventDate", "atomicOperations", "enrichmentData.walletEntity_310000101.identities");
                    assertThat(rejected.problems().get(2).message()).contains("not a date", "'yesterday at noon'");
                });
    }

    @Test
    void rejectsMissingHeadersOnce() {
        byte[] body = Fixtures.changed("unknown-event.json", tree -> tree.remove("headers"));

        assertThatThrownBy(() -> EnvelopeReader.read(body)).isInstanceOfSatisfying(NotificationRejectedException.class,
                rejected -> assertThat(rejected.problems()).extracting(Problem::path).containsExactly("headers"));
    }

    @Test
    void rejectsAnOperationThatIsNotAnObjectByItsIndex() {
        byte[] body = Fixtures.changed("tier-adjust.json", tree -> tree.withArrayProperty("atomicOperations").add("oops"));

        assertThatThrownBy(() -> EnvelopeReader.read(body)).isInstanceOfSatisfying(NotificationRejectedException.class,
                rejected -> assertThat(rejected.problems()).extracting(Problem::path).containsExactly("atomicOperations[2]"));
    }

    @Test
    void rejectsWhatIsNotJsonWithoutQuotingIt() {
        byte[] body = "{\"headers\": {\"eventName\": robin@example.org".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EnvelopeReader.read(body)).isInstanceOfSatisfying(NotificationRejectedException.class, rejected -> {
            assertThat(rejected.problems()).extracting(Problem::path).containsExactly("$");
            assertThat(rejected.getMessage()).contains("not JSON", "line 1").doesNotContain("robin");
        });
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        assertThatThrownBy(() -> EnvelopeReader.read("[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(NotificationRejectedException.class,
                        rejected -> assertThat(rejected.problems()).singleElement().satisfies(problem -> {
                            assertThat(problem.path()).isEqualTo("$");
                            assertThat(problem.message()).contains("list, not an object");
                        }));
    }

    @Test
    void rejectsAnEmptyBody() {
        assertThatThrownBy(() -> EnvelopeReader.read(" \n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("is empty");
    }

    @Test
    void anIdentityNeverShowsItsValue() {
        AirIdentity identity = new AirIdentity("1", "2", "EMAIL", "robin@example.org", "DEFAULT", "ACTIVE");

        assertThat(identity.toString()).contains("EMAIL").doesNotContain("robin");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-01-29T20:37:03.078234      | 2025-01-29T20:37:03.078234Z",
            "2025-01-29T20:37:03             | 2025-01-29T20:37:03Z",
            "2025-01-29 20:37:03             | 2025-01-29T20:37:03Z",
            "2025-01-29T20:37:03+00:00       | 2025-01-29T20:37:03Z",
            "2025-01-29T21:37:03+01:00       | 2025-01-29T20:37:03Z",
            "2025-01-29T20:37:03.5Z          | 2025-01-29T20:37:03.500Z",
            "2025-01-29T22:37:03+0200        | 2025-01-29T20:37:03Z"})
    void readsEventDatesAsAirWritesThem(String written, String instant) {
        assertThat(EventDates.parse(written)).contains(Instant.parse(instant));
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "2025-13-01T00:00:00", "2025-01-29", "1738183023"})
    void refusesWhatIsNotADateAndTime(String written) {
        assertThat(EventDates.parse(written)).isEmpty();
    }
}
