package dev.cohort.sandbox.braze;

import static dev.cohort.sandbox.braze.BrazeTestClient.event;
import static dev.cohort.sandbox.braze.BrazeTestClient.events;
import static dev.cohort.sandbox.braze.BrazeTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SandboxBrazeTrackIT {
    private static final String KEY = "rest-key-8c1f";
    private static final String LONG = "x".repeat(256);

    private SandboxBrazeServer braze;
    private BrazeTestClient client;

    @BeforeEach
    void start() {
        braze = SandboxBrazeServer.builder().apiKey(KEY).start();
        client = new BrazeTestClient(braze);
    }

    @AfterEach
    void stop() {
        braze.close();
    }

    @Test
    void aValidRequestIsTakenAndKeptPerUser() {
        HttpResponse<String> answer = client.track(KEY, """
                {"attributes":[{"external_id":"C0000001","points_balance":10500,"tier":"Silver","email":"ada@example.com"}],
                 "events":[{"external_id":"C0000001","name":"Points Awarded","time":"2030-01-01T09:30:00+00:00",
                            "properties":{"points":10000,"action":"APP_DOWNLOAD","nested":{"a":[1,2]},"basket_value":42.50}},
                           {"external_id":"C0000001","name":"Tier Moved","time":"2030-01-01T09:30:01Z","app_id":"web"}],
                 "purchases":[{"external_id":"C0000001","product_id":"basket","currency":"GBP","price":45.99,"quantity":2,
                               "time":"2030-01-01T09:31:00Z","properties":{"store":"sandbox-store"}}]}
                """);

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body()).isEqualTo("{\"message\":\"success\",\"attributes_processed\":1,\"events_processed\":2,\"purchases_processed\":1}");
        BrazeUser user = braze.user("C0000001").orElseThrow();
        assertThat(user.attributes()).containsExactly(Map.entry("points_balance", 10500), Map.entry("tier", "Silver"),
                Map.entry("email", "ada@example.com"));
        assertThat(user.events()).extracting(BrazeCustomEvent::name).containsExactly("Points Awarded", "Tier Moved");
        BrazeCustomEvent awarded = user.events("Points Awarded").getFirst();
        assertThat(awarded.time()).isEqualTo(Instant.parse("2030-01-01T09:30:00Z"));
        assertThat(awarded.properties()).containsEntry("points", 10000).containsEntry("action", "APP_DOWNLOAD")
                .containsEntry("nested", Map.of("a", List.of(1, 2))).containsEntry("basket_value", new BigDecimal("42.50"));
        assertThat(user.events().get(1).appId()).isEqualTo("web");
        BrazePurchase purchase = user.purchases().getFirst();
        assertThat(purchase.price()).isEqualByComparingTo(new BigDecimal("45.99"));
        assertThat(purchase.quantity()).isEqualTo(2);
        assertThat(purchase.currency()).isEqualTo("GBP");
        assertThat(user.toString()).doesNotContain("ada@example.com", "Silver");
        assertThat(braze.requestCounts()).isEqualTo(new BrazeRequestCounts(1, 1, 0, 0, 0, 0, 1, 2, 1, 0));
    }

    @Test
    void onlyTheArraysSentAreCounted() {
        HttpResponse<String> answer = client.track(KEY, events(1, event("C0000001", "Coupon Redeemed")));

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body()).isEqualTo("{\"message\":\"success\",\"events_processed\":1}");
    }

    @Test
    void badObjectsAreSkippedWithNonFatalErrorsAndTheOthersTaken() {
        HttpResponse<String> answer = client.track(KEY, "{\"events\":["
                + event("C0000001", "ok") + ","
                + "{\"external_id\":\"C0000001\",\"name\":\"late\",\"time\":\"yesterday\"},"
                + "{\"external_id\":\"C0000001\",\"name\":\"dollar\",\"time\":\"2030-01-01T09:30:00Z\",\"properties\":{\"$revenue\":1}},"
                + "{\"external_id\":\"C0000001\",\"name\":\"long\",\"time\":\"2030-01-01T09:30:00Z\",\"properties\":{\"note\":\"" + LONG + "\"}},"
                + "{\"name\":\"nobody\",\"time\":\"2030-01-01T09:30:00Z\"},"
                + "{\"external_id\":\"C0000001\",\"time\":\"2030-01-01T09:30:00Z\"}"
                + "],\"attributes\":[{\"external_id\":\"C0000001\",\"" + "k".repeat(256) + "\":1}]}");

        assertThat(answer.statusCode()).isEqualTo(201);
        JsonNode body = json(answer);
        assertThat(body.get("message").asString()).isEqualTo("success");
        assertThat(body.get("events_processed").asInt()).isEqualTo(1);
        assertThat(body.get("attributes_processed").asInt()).isZero();
        List<String> errors = new java.util.ArrayList<>();
        body.get("errors").forEach(error -> errors.add(error.get("input_array").asString() + "[" + error.get("index").asInt() + "] "
                + error.get("type").asString()));
        assertThat(errors).containsExactly(
                "attributes[0] Attribute names must be at most 255 characters",
                "events[1] 'time' must be an ISO-8601 date-time with an offset, e.g. 2030-01-01T09:30:00Z",
                "events[2] Property names must not start with '$'",
                "events[3] Property string values must be at most 255 characters",
                "events[4] 'external_id', 'user_alias', 'braze_id', 'email' or 'phone' is required",
                "events[5] 'name' is required");
        assertThat(braze.user("C0000001").orElseThrow().events()).extracting(BrazeCustomEvent::name).containsExactly("ok");
        assertThat(braze.requestCounts().objectErrors()).isEqualTo(6);
    }

    @Test
    void propertiesOver50KbAreRefused() {
        StringBuilder properties = new StringBuilder("{");
        for (int i = 0; i < 200; i++) {
            properties.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":\"").append("v".repeat(250)).append('"');
        }
        properties.append('}');

        HttpResponse<String> answer = client.track(KEY, "{\"events\":[" + event("C0000001", "ok") + ",{\"external_id\":\"C0000001\","
                + "\"name\":\"big\",\"time\":\"2030-01-01T09:30:00Z\",\"properties\":" + properties + "}]}");

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(json(answer).get("errors").get(0).get("type").asString()).isEqualTo("'properties' must be at most 50 KB of JSON");
        assertThat(json(answer).get("errors").get(0).get("index").asInt()).isEqualTo(1);
    }

    @Test
    void aRequestWithNothingValidAnswers400WithTheErrors() {
        HttpResponse<String> answer = client.track(KEY, "{\"events\":[{\"external_id\":\"C0000001\",\"name\":\"x\"}]}");

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode body = json(answer);
        assertThat(body.get("message").asString()).isEqualTo("Valid data must be provided in the 'attributes', 'events', or 'purchases' fields.");
        assertThat(body.get("errors").get(0).get("type").asString()).isEqualTo("'time' is required");
        assertThat(braze.users()).isEmpty();
        assertThat(braze.requestCounts().rejected()).isEqualTo(1);
    }

    @Test
    void aRequestWithoutObjectsAnswers400() {
        HttpResponse<String> answer = client.track(KEY, "{\"events\":[],\"attributes\":null}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).get("message").asString()).startsWith("Valid data must be provided");
    }

    @Test
    void moreThan75InOneArrayAnswers400() {
        assertThat(client.track(KEY, events(75, event("C0000001", "e"))).statusCode()).isEqualTo(201);

        HttpResponse<String> answer = client.track(KEY, events(76, event("C0000001", "e")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).get("message").asString()).isEqualTo("Too many events in this request: 76 given, at most 75 are allowed.");
        assertThat(braze.user("C0000001").orElseThrow().eventsReceived()).isEqualTo(75);
    }

    @Test
    void aCombinedLimitCountsAllThreeArrays() {
        braze.close();
        braze = SandboxBrazeServer.builder().apiKey(KEY).maxObjectsPerArray(50).maxObjectsPerRequest(50).start();
        client = new BrazeTestClient(braze);
        String attributes = String.join(",", java.util.Collections.nCopies(20, "{\"external_id\":\"C0000001\",\"a\":1}"));
        String events = String.join(",", java.util.Collections.nCopies(31, event("C0000001", "e")));

        HttpResponse<String> answer = client.track(KEY, "{\"attributes\":[" + attributes + "],\"events\":[" + events + "]}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).get("message").asString()).contains("51 attributes, events and purchases in all, at most 50");
        assertThat(client.track(KEY, BrazeTestClient.events(51, event("C0000001", "e"))).body()).contains("Too many events", "at most 50");
    }

    @Test
    void usersNamedOtherwiseAreKeptByThatName() {
        client.track(KEY, """
                {"events":[{"user_alias":{"alias_name":"42","alias_label":"loyalty"},"name":"a","time":"2030-01-01T09:30:00Z"},
                           {"email":"grace@example.com","name":"b","time":"2030-01-01T09:30:00Z"},
                           {"braze_id":"5f1c","name":"c","time":"2030-01-01T09:30:00Z"},
                           {"phone":"+447700900001","name":"d","time":"2030-01-01T09:30:00Z"}]}
                """);

        assertThat(braze.user(new BrazeUserKey(BrazeUserKey.Kind.USER_ALIAS, "loyalty:42"))).isPresent();
        assertThat(braze.user(new BrazeUserKey(BrazeUserKey.Kind.EMAIL, "grace@example.com"))).isPresent();
        assertThat(braze.user(new BrazeUserKey(BrazeUserKey.Kind.BRAZE_ID, "5f1c"))).isPresent();
        assertThat(braze.user(new BrazeUserKey(BrazeUserKey.Kind.PHONE, "+447700900001")).orElseThrow().key().toString())
                .doesNotContain("+447700900001");
    }

    @Test
    void attributesMergeANullRemovesAndUpdateExistingOnlyCreatesNoOne() {
        client.track(KEY, "{\"attributes\":[{\"external_id\":\"C0000001\",\"tier\":\"Bronze\",\"points\":1}]}");
        client.track(KEY, "{\"attributes\":[{\"external_id\":\"C0000001\",\"tier\":\"Silver\",\"points\":null},"
                + "{\"external_id\":\"C0000099\",\"_update_existing_only\":true,\"tier\":\"Gold\"}]}");

        BrazeUser user = braze.user("C0000001").orElseThrow();
        assertThat(user.attributes()).containsExactly(Map.entry("tier", "Silver"));
        assertThat(user.attributeUpdates()).isEqualTo(2);
        assertThat(braze.user("C0000099")).isEmpty();
    }

    @Test
    void purchasesAreChecked() {
        HttpResponse<String> answer = client.track(KEY, """
                {"purchases":[{"external_id":"C1","product_id":"p","currency":"pounds","price":1,"time":"2030-01-01T09:30:00Z"},
                              {"external_id":"C1","product_id":"p","currency":"GBP","price":"1","time":"2030-01-01T09:30:00Z"},
                              {"external_id":"C1","product_id":"p","currency":"GBP","price":1,"quantity":101,"time":"2030-01-01T09:30:00Z"},
                              {"external_id":"C1","product_id":"p","currency":"GBP","price":1,"time":"2030-01-01T09:30:00:000+0000"}]}
                """);

        JsonNode body = json(answer);
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(body.get("purchases_processed").asInt()).isEqualTo(1);
        assertThat(body.get("errors")).extracting(error -> error.get("type").asString()).containsExactly(
                "'currency' must be an ISO 4217 currency code, e.g. USD", "'price' must be a number",
                "'quantity' must be an integer from 1 to 100");
    }

    @Test
    void malformedJsonAndOtherContentTypesAreRefused() {
        HttpResponse<String> malformed = client.track(KEY, "{\"events\":[");
        HttpResponse<String> text = client.send(HttpRequest.newBuilder(braze.trackUrl()).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> notArray = client.track(KEY, "{\"events\":{}}");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("message").asString()).isEqualTo("Malformed JSON in the request body.");
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(notArray.statusCode()).isEqualTo(400);
        assertThat(json(notArray).get("message").asString()).isEqualTo("'events' must be an array of objects.");
    }

    @Test
    void theSandboxViewShowsWhatAUserWasSent() {
        client.track(KEY, "{\"attributes\":[{\"external_id\":\"C 1/2\",\"tier\":\"Gold\"}],\"events\":["
                + "{\"external_id\":\"C 1/2\",\"name\":\"Points Awarded\",\"time\":\"2030-01-01T09:30:00Z\",\"properties\":{\"points\":5}}]}");

        HttpResponse<String> view = client.get(KEY, braze.userUrl("C 1/2"));
        HttpResponse<String> list = client.get(KEY, braze.url().resolve("/sandbox/users"));

        assertThat(view.statusCode()).isEqualTo(200);
        JsonNode user = json(view);
        assertThat(user.get("external_id").asString()).isEqualTo("C 1/2");
        assertThat(user.get("attributes").get("tier").asString()).isEqualTo("Gold");
        assertThat(user.get("events").get(0).get("name").asString()).isEqualTo("Points Awarded");
        assertThat(user.get("events").get(0).get("time").asString()).isEqualTo("2030-01-01T09:30:00Z");
        assertThat(user.get("events").get(0).get("properties").get("points").asInt()).isEqualTo(5);
        assertThat(user.get("events_received").asLong()).isEqualTo(1);
        assertThat(json(list).get("users").get(0).get("external_id").asString()).isEqualTo("C 1/2");
        assertThat(client.get(KEY, braze.userUrl("nobody")).statusCode()).isEqualTo(404);
        assertThat(client.get("wrong", braze.userUrl("C 1/2")).statusCode()).isEqualTo(401);
        assertThat(braze.events()).allSatisfy(event -> assertThat(event.describe()).doesNotContain("C 1/2", "C%201"));
    }
}
