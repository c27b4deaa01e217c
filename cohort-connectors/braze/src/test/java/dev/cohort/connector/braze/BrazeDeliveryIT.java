package dev.cohort.connector.braze;

import static dev.cohort.connector.braze.Events.addressed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.connector.braze.ScriptedBraze.Answer;
import dev.cohort.spi.destination.RequestPermits;
import dev.cohort.spi.event.DeliveryOutcome;
import dev.cohort.spi.event.DeliveryOutcome.Delivered;
import dev.cohort.spi.event.DeliveryOutcome.Rejected;
import dev.cohort.spi.event.DeliveryOutcome.Retry;
import dev.cohort.spi.event.LoyaltyEvent.Kind;
import dev.cohort.spi.event.MarketingPlatform.AddressedEvent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sends to a loopback server that answers as Braze does: what goes over the wire, and each answer — success,
 * partial {@code errors[]}, 400, 401/403, 413, 429, 5xx, no answer, no server — turned into one outcome per event.
 */
class BrazeDeliveryIT {
    private final ScriptedBraze braze = new ScriptedBraze();
    private final AtomicInteger permitsTaken = new AtomicInteger();
    private final RequestPermits permits = permitsTaken::incrementAndGet;
    private final BrazeMarketingPlatform platform = new BrazeMarketingPlatform(UsersTrackClient.SHARED,
            new RateLimitPacers(InstantSource.system()), InstantSource.system(), Batching.MAX_REQUEST_BYTES);

    @AfterEach
    void stop() {
        braze.close();
    }

    private BrazeConfig config(Object... keyValues) {
        return Events.configAt(braze.endpoint().toString(), keyValues);
    }

    private List<DeliveryOutcome> send(BrazeConfig config, List<AddressedEvent> events) throws InterruptedException {
        List<DeliveryOutcome> outcomes = platform.send(config, events, permits);
        assertThat(outcomes).hasSameSizeAs(events).doesNotContainNull();
        for (DeliveryOutcome outcome : outcomes) {
            assertThat(outcome.toString()).doesNotContain(Events.API_KEY);
            for (AddressedEvent event : events) {
                if (event.externalId() != null && !event.externalId().isBlank()) {
                    assertThat(outcome.toString()).as("no external_id in an outcome").doesNotContain(event.externalId());
                }
            }
        }
        return outcomes;
    }

    /** Three events: a purchase with points and tier, a coupon redemption without them, a tier move. */
    private static List<AddressedEvent> journey() {
        return List.of(
                addressed(Events.full(Kind.PURCHASE_COMPLETED, "ees-1"), "member-001"),
                addressed(Events.bare(Kind.COUPON_REDEEMED, "ees-2"), "member-002"),
                addressed(Events.full(Kind.TIER_MOVED, "ees-3"), "member-003"));
    }

    @Test
    void eventsGoInOneRequestWithTheKeyAndComeBackDelivered() throws Exception {
        List<DeliveryOutcome> outcomes = send(config(), journey());

        assertThat(braze.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/users/track");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + Events.API_KEY);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = request.json();
            assertThat(body.path("events").size()).isEqualTo(3);
            assertThat(body.path("attributes").size()).as("the redemption carries no points or tier").isEqualTo(2);
            assertThat(body.has("purchases")).isFalse();
            JsonNode first = body.path("events").get(0);
            assertThat(first.path("external_id").stringValue()).isEqualTo("member-001");
            assertThat(first.path("name").stringValue()).isEqualTo("Order Completed");
            assertThat(first.path("time").stringValue()).isEqualTo("2026-03-14T09:26:53.589Z");
            assertThat(first.path("properties").path("points_balance").asLong()).isEqualTo(1250);
            assertThat(first.path("properties").path("basket_value").decimalValue()).isEqualByComparingTo("42.50");
            assertThat(first.path("properties").path("coupons").get(1).stringValue()).isEqualTo("FREE-CAKE");
            assertThat(body.path("events").get(1).path("name").stringValue()).isEqualTo("Coupon Redeemed");
            JsonNode attributes = body.path("attributes").get(1);
            assertThat(attributes.path("external_id").stringValue()).isEqualTo("member-003");
            assertThat(attributes.path("loyalty_points").asLong()).isEqualTo(1250);
            assertThat(attributes.path("loyalty_tier").stringValue()).isEqualTo("GOLD");
        });
        assertThat(outcomes).containsExactly(
                new Delivered("Braze recorded custom event 'Order Completed', attributes loyalty_points, loyalty_tier"),
                new Delivered("Braze recorded custom event 'Coupon Redeemed'"),
                new Delivered("Braze recorded custom event 'Tier Changed', attributes loyalty_points, loyalty_tier"));
        assertThat(permitsTaken).hasValue(1);
    }

    @Test
    void purchasesGoInTheirOwnArrayWhenAProductIdIsSet() throws Exception {
        send(config("purchase_product_id", "basket"), journey());

        JsonNode purchases = braze.received().getFirst().json().path("purchases");
        assertThat(purchases.size()).isEqualTo(1);
        assertThat(purchases.get(0).path("product_id").stringValue()).isEqualTo("basket");
        assertThat(purchases.get(0).path("currency").stringValue()).isEqualTo("GBP");
        assertThat(purchases.get(0).path("price").decimalValue()).isEqualByComparingTo("42.50");
    }

    @Test
    void aPartialErrorRejectsOnlyTheEventWhoseObjectBrazeNames() throws Exception {
        braze.then(Answer.of(201, """
                {"message":"success","events_processed":2,"attributes_processed":1,
                 "errors":[{"type":"'name' is invalid for member-002","input_array":"events","index":1},
                           {"type":"'loyalty_tier' is not valid","input_array":"attributes","index":1}]}
                """));

        List<DeliveryOutcome> outcomes = send(config(), journey());

        assertThat(outcomes.get(0)).isInstanceOf(Delivered.class);
        assertThat(outcomes.get(1)).isEqualTo(new Rejected("BRAZE_OBJECT_REJECTED", "Braze refused its custom event 'Coupon Redeemed'"
                + " (\"'name' is invalid for <external_id>\"): fix the mapping or the data, then replay the event (a replay sends the"
                + " parts Braze recorded again)"));
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo("BRAZE_OBJECT_REJECTED");
            assertThat(rejected.reason()).startsWith("Braze refused its attributes (loyalty_points, loyalty_tier) (\"'loyalty_tier' is not valid\");"
                    + " custom event 'Tier Changed' was recorded");
        });
    }

    @Test
    void anErrorNamingNoEventIsShownOnEveryDeliveredEvent() throws Exception {
        braze.then(Answer.of(201, "{\"message\":\"success\",\"errors\":[{\"type\":\"partner field ignored\"},"
                + "{\"type\":\"index too far\",\"input_array\":\"events\",\"index\":9}]}"));

        List<DeliveryOutcome> outcomes = send(config(), journey());

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(Delivered.class, delivered ->
                assertThat(delivered.detail()).endsWith("; Braze reported for the request, naming no event: \"partner field ignored\","
                        + " \"index too far (events[9])\"")));
    }

    @Test
    void a400RejectsEveryEventWithBrazesWordsButNoPii() throws Exception {
        braze.then(Answer.of(400, "{\"message\":\"Bad request for ada@example.com\",\"errors\":[\"too many objects\"]}"));

        List<DeliveryOutcome> outcomes = send(config(), journey());

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo("BRAZE_BAD_REQUEST");
            assertThat(rejected.reason()).startsWith("Braze refused the request (400 \"Bad request for <e-mail>\", \"too many objects\");"
                    + " nothing of it was recorded").contains("batch_size").doesNotContain("ada@");
        }));
    }

    @Test
    void a400NamingOneEventRejectsItAndSendsTheOthersAgainAtOnce() throws Exception {
        braze.then(Answer.of(400, "{\"message\":\"Invalid request\",\"errors\":[{\"type\":\"'time' is invalid\",\"input_array\":\"events\",\"index\":1}]}"));

        List<DeliveryOutcome> outcomes = send(config(), journey());

        assertThat(outcomes.get(1)).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo("BRAZE_BAD_REQUEST");
            assertThat(rejected.reason()).contains("because of this event: Braze refused its custom event 'Coupon Redeemed' (\"'time' is invalid\")");
        });
        assertThat(outcomes.get(0)).isInstanceOf(Delivered.class);
        assertThat(outcomes.get(2)).isInstanceOf(Delivered.class);
        assertThat(braze.received()).hasSize(2);
        assertThat(braze.received().get(1).json().path("events").size()).isEqualTo(2);
        assertThat(permitsTaken).hasValue(2);
    }

    @Test
    void a400NamingEveryEventRejectsEachWithItsOwnReason() throws Exception {
        braze.then(Answer.of(400, "{\"message\":\"Invalid request\",\"errors\":[{\"type\":\"a\",\"input_array\":\"events\",\"index\":0},"
                + "{\"type\":\"b\",\"input_array\":\"events\",\"index\":1},{\"type\":\"c\",\"input_array\":\"attributes\",\"index\":1}]}"));

        List<DeliveryOutcome> outcomes = send(config(), journey());

        assertThat(outcomes).extracting(outcome -> ((Rejected) outcome).reason()).satisfiesExactly(
                reason -> assertThat(reason).contains("custom event 'Order Completed' (\"a\")"),
                reason -> assertThat(reason).contains("custom event 'Coupon Redeemed' (\"b\")"),
                reason -> assertThat(reason).contains("attributes (loyalty_points, loyalty_tier) (\"c\")"));
        assertThat(braze.received()).hasSize(1);
    }

    @Test
    void a401Or403RejectsEverythingAndPointsAtTheKey() throws Exception {
        for (int status : new int[] {401, 403}) {
            braze.then(Answer.of(status, "{\"message\":\"Invalid API key: " + Events.API_KEY + "\"}"));
            List<AddressedEvent> many = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                many.add(addressed(Events.full(Kind.POINTS_AWARDED, "p" + i), "member-" + i));
            }
            int before = braze.received().size();

            List<DeliveryOutcome> outcomes = send(config(), many);

            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isEqualTo(new Rejected("BRAZE_UNAUTHORIZED", "Braze refused the"
                    + " API key (" + status + " \"Invalid API key: ****\"): check credential value api_key — a REST API key of this Braze"
                    + " workspace with the users.track permission, for the instance of rest_endpoint (" + braze.endpoint() + ")")));
            assertThat(braze.received().size() - before).as("the second request is not sent").isEqualTo(1);
        }
    }

    @Test
    void a429IsRetriedAfterBrazesResetAndTheNextSendWaitsForIt() throws Exception {
        Instant reset = Instant.now().plusMillis(1500);
        braze.then(Answer.of(429, "{\"message\":\"rate limit exceeded\"}").withHeader("X-RateLimit-Limit", "3000")
                .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", epoch(reset)));

        List<DeliveryOutcome> outcomes = send(config(), journey());

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(Retry.class, retry -> {
            assertThat(retry.reason()).startsWith("BRAZE_RATE_LIMITED: Braze answered 429 (rate limited \"rate limit exceeded\") at its limit"
                    + " of 3000 requests; retried in ");
            assertThat(retry.retryAfter()).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
        }));

        List<DeliveryOutcome> again = send(config(), journey());

        assertThat(again).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Delivered.class));
        assertThat(braze.received()).hasSize(2);
        assertThat(braze.received().get(1).arrivedAt()).as("not before Braze's window reset").isAfterOrEqualTo(reset);
    }

    @Test
    void a429WithRetryAfterIsRetriedThen() throws Exception {
        braze.then(Answer.of(429, "").withHeader("Retry-After", "30"));

        List<DeliveryOutcome> outcomes = send(config(), journey());

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(Retry.class,
                retry -> assertThat(retry.retryAfter()).isEqualTo(Duration.ofSeconds(30))));
        List<DeliveryOutcome> blocked = send(config(), journey());
        assertThat(blocked).as("the key's window is used up for longer than a send waits").allSatisfy(outcome ->
                assertThat(outcome).isInstanceOfSatisfying(Retry.class, retry -> {
                    assertThat(retry.reason()).startsWith("BRAZE_RATE_LIMITED: not sent: Braze's rate limit for this API key is used up");
                    assertThat(retry.retryAfter()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
                }));
        assertThat(braze.received()).hasSize(1);
    }

    @Test
    void aUsedUpWindowHoldsTheNextRequestOfTheSameSendUntilItResets() throws Exception {
        Instant reset = Instant.now().plusMillis(1200);
        braze.then(Answer.success().withHeader("X-RateLimit-Limit", "3000").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", epoch(reset)));
        List<AddressedEvent> events = new ArrayList<>();
        for (int i = 0; i < 75; i++) {
            events.add(addressed(Events.full(Kind.POINTS_AWARDED, "p" + i), "member-" + i));
        }

        List<DeliveryOutcome> outcomes = send(config(), events);

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Delivered.class));
        List<ScriptedBraze.Received> requests = braze.received();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(1).arrivedAt()).isAfterOrEqualTo(reset);
        assertThat(requests).allSatisfy(request -> assertThat(request.count("events") + request.count("attributes")).isLessThanOrEqualTo(75));
    }

    @Test
    void perArrayCountingSendsSeventyFiveEventsInOneRequest() throws Exception {
        List<AddressedEvent> events = new ArrayList<>();
        for (int i = 0; i < 75; i++) {
            events.add(addressed(Events.full(Kind.POINTS_AWARDED, "p" + i), "member-" + i));
        }

        send(config("batch_counting", "per_array"), events);

        assertThat(braze.received()).singleElement().satisfies(request -> {
            assertThat(request.count("events")).isEqualTo(75);
            assertThat(request.count("attributes")).isEqualTo(75);
        });
    }

    @Test
    void a5xxIsRetriedAndLaterRequestsOfTheSendWaitTheirTurn() throws Exception {
        braze.then(Answer.of(503, "{\"message\":\"unavailable\"}").withHeader("Retry-After", "5"));
        List<AddressedEvent> events = new ArrayList<>();
        for (int i = 0; i < 75; i++) {
            events.add(addressed(Events.full(Kind.POINTS_AWARDED, "p" + i), "member-" + i));
        }

        List<DeliveryOutcome> outcomes = send(config(), events);

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isEqualTo(new Retry(
                "BRAZE_UNAVAILABLE: Braze answered 503 \"unavailable\": it failed or is unavailable; retried in 5 s", Duration.ofSeconds(5))));
        assertThat(braze.received()).as("no request after the failed one, so a wallet's events stay in order").hasSize(1);
    }

    @Test
    void a500WithoutRetryAfterLeavesTheWaitToTheRuntime() throws Exception {
        braze.then(Answer.of(500, "oops"));

        assertThat(send(config(), journey())).allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(Retry.class, retry -> {
            assertThat(retry.retryAfter()).isNull();
            assertThat(retry.reason()).isEqualTo("BRAZE_UNAVAILABLE: Braze answered 500 \"oops\": it failed or is unavailable; retried with back-off");
        }));
    }

    @Test
    void a413SplitsTheRequestUntilItFits() throws Exception {
        braze.then(request -> request.count("events") > 1 ? Answer.of(413, "") : Answer.success())
                .then(request -> request.count("events") > 1 ? Answer.of(413, "") : Answer.success())
                .then(request -> request.count("events") > 1 ? Answer.of(413, "") : Answer.success())
                .then(request -> request.count("events") > 1 ? Answer.of(413, "") : Answer.success())
                .then(request -> Answer.of(413, ""));

        List<DeliveryOutcome> outcomes = send(config(), journey());

        // [0,1,2] → 413; [0] ok; [1,2] → 413; [1] ok; [2] → 413 alone
        assertThat(outcomes.get(0)).isInstanceOf(Delivered.class);
        assertThat(outcomes.get(1)).isInstanceOf(Delivered.class);
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.code()).isEqualTo("BRAZE_PAYLOAD_TOO_LARGE"));
        assertThat(braze.received()).extracting(request -> request.count("events")).containsExactly(3, 1, 2, 1, 1);
    }

    @Test
    void anUnexpectedAnswerPointsAtTheEndpoint() throws Exception {
        braze.then(Answer.of(404, "{\"message\":\"Not Found\"}"));

        assertThat(send(config(), journey())).allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo("BRAZE_UNEXPECTED_ANSWER");
            assertThat(rejected.reason()).isEqualTo("Braze answered 404 \"Not Found\" to POST " + braze.endpoint() + "/users/track: check"
                    + " rest_endpoint (the REST endpoint of the Braze instance, e.g. https://rest.iad-01.braze.com)");
        }));
    }

    @Test
    void noAnswerWithinTheTimeoutIsRetried() throws Exception {
        braze.thenHang();

        List<DeliveryOutcome> outcomes = send(config("request_timeout", "500ms"), journey());

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isEqualTo(new Retry("BRAZE_UNREACHABLE: no answer from 127.0.0.1:"
                + braze.endpoint().getPort() + " within 0.5 s (request_timeout); retried", null)));
    }

    @Test
    void noServerIsRetried() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        List<DeliveryOutcome> outcomes = send(Events.configAt("http://127.0.0.1:" + port), journey());

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isEqualTo(new Retry("BRAZE_UNREACHABLE: the connection to 127.0.0.1:"
                + port + " was refused; retried", null)));
    }

    @Test
    void eventsWithNothingToSendOrNoExternalIdMakeNoRequest() throws Exception {
        List<AddressedEvent> events = List.of(
                addressed(Events.bare(Kind.OTHER, "o1"), "member-1"),
                addressed(Events.full(Kind.TIER_MOVED, "t1"), " "),
                addressed(Events.bare(Kind.WALLET_DELETED, "w1"), "member-2"));

        List<DeliveryOutcome> outcomes = send(config("event_names", "WALLET_DELETED=-"), events);

        assertThat(outcomes.get(0)).isEqualTo(new Delivered("not sent to Braze: the mapping gives kind OTHER ('AIR.OTHER') no custom event,"
                + " and the event carries no fact that sets an attribute; to send such events, add OTHER=<Event Name> or AIR.OTHER=<Event Name>"
                + " to event_names"));
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(Rejected.class, rejected -> assertThat(rejected.code()).isEqualTo("BRAZE_NO_EXTERNAL_ID"));
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(Delivered.class,
                delivered -> assertThat(delivered.detail()).startsWith("not sent to Braze: the mapping gives kind WALLET_DELETED"));
        assertThat(braze.received()).isEmpty();
        assertThat(permitsTaken).hasValue(0);
    }

    @Test
    void anEmptySendIsNothing() throws Exception {
        assertThat(send(config(), List.of())).isEmpty();
        assertThat(braze.received()).isEmpty();
    }

    private static String epoch(Instant instant) {
        return instant.getEpochSecond() + "." + String.format("%03d", instant.getNano() / 1_000_000);
    }
}
