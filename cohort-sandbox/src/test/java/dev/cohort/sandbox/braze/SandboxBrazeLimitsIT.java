package dev.cohort.sandbox.braze;

import static dev.cohort.sandbox.braze.BrazeTestClient.event;
import static dev.cohort.sandbox.braze.BrazeTestClient.events;
import static dev.cohort.sandbox.braze.BrazeTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxBrazeLimitsIT {
    private static final String KEY_A = "rest-key-a-41d0";
    private static final String KEY_B = "rest-key-b-7e22";
    private static final String ONE_EVENT = events(1, event("C0000001", "Points Awarded"));
    /** 2030-01-01T09:30:00Z is epoch second 1893490200, a multiple of 3: a 3-second window starts there. */
    private final TestClock clock = new TestClock(Instant.parse("2030-01-01T09:30:00.500Z"));
    private SandboxBrazeServer braze;
    private BrazeTestClient client;

    @BeforeEach
    void start() {
        braze = SandboxBrazeServer.builder().apiKey(KEY_A).apiKey(KEY_B).rateLimit(3, Duration.ofSeconds(3)).clock(clock).start();
        client = new BrazeTestClient(braze);
    }

    @AfterEach
    void stop() {
        braze.close();
    }

    @Test
    void aMissingOrWrongKeyAnswers401WithoutRateHeaders() {
        HttpResponse<String> missing = client.track(null, ONE_EVENT);
        HttpResponse<String> wrong = client.track("guess", ONE_EVENT);

        for (HttpResponse<String> answer : java.util.List.of(missing, wrong)) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo("{\"message\":\"Invalid API key\"}");
            assertThat(answer.headers().firstValue("X-RateLimit-Limit")).isEmpty();
        }
        assertThat(braze.users()).isEmpty();
        assertThat(braze.requestCounts().unauthorized()).isEqualTo(2);
        assertThat(braze.events()).allSatisfy(event -> assertThat(event.describe()).doesNotContain("guess", KEY_A));
    }

    @Test
    void everyAnswerCarriesTheRateHeadersAnd429ComesAboveTheLimit() {
        long reset = Instant.parse("2030-01-01T09:30:03Z").getEpochSecond();
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpResponse<String> answer = client.track(KEY_A, ONE_EVENT);
            assertThat(answer.statusCode()).isEqualTo(201);
            assertThat(answer.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
            assertThat(answer.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(remaining));
            assertThat(answer.headers().firstValue("X-RateLimit-Reset")).hasValue(Long.toString(reset));
        }

        HttpResponse<String> over = client.track(KEY_A, ONE_EVENT);
        HttpResponse<String> otherKey = client.track(KEY_B, ONE_EVENT);

        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(json(over).get("message").asString()).isEqualTo("API rate limit exceeded");
        assertThat(over.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(over.headers().firstValue("X-RateLimit-Reset")).hasValue(Long.toString(reset));
        assertThat(otherKey.statusCode()).isEqualTo(201);
        assertThat(braze.user("C0000001").orElseThrow().eventsReceived()).isEqualTo(4);

        clock.advance(Duration.ofMillis(2_500));
        HttpResponse<String> nextWindow = client.track(KEY_A, ONE_EVENT);
        assertThat(nextWindow.statusCode()).isEqualTo(201);
        assertThat(nextWindow.headers().firstValue("X-RateLimit-Remaining")).hasValue("2");
        assertThat(nextWindow.headers().firstValue("X-RateLimit-Reset")).hasValue(Long.toString(reset + 3));
        assertThat(braze.requestCounts().rateLimited()).isEqualTo(1);
    }

    @Test
    void a400StillCountsAgainstTheLimitAndCarriesTheHeaders() {
        HttpResponse<String> answer = client.track(KEY_A, events(76, event("C0000001", "e")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("X-RateLimit-Remaining")).hasValue("2");
    }

    @Test
    void theRateLimitFaultAnswers429ForTheNextRequests() {
        braze.faults().rateLimitNextRequests(2);

        HttpResponse<String> first = client.track(KEY_A, ONE_EVENT);
        HttpResponse<String> second = client.track(KEY_A, ONE_EVENT);
        HttpResponse<String> third = client.track(KEY_A, ONE_EVENT);

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(third.statusCode()).isEqualTo(201);
        assertThat(third.headers().firstValue("X-RateLimit-Remaining")).hasValue("2");
        assertThat(braze.user("C0000001").orElseThrow().eventsReceived()).isEqualTo(1);
    }

    @Test
    void failedRequestsAnswer5xxAndStoreNothing() {
        braze.faults().failNextRequests(2, 503);

        HttpResponse<String> first = client.track(KEY_A, ONE_EVENT);
        HttpResponse<String> second = client.track(KEY_A, ONE_EVENT);
        HttpResponse<String> third = client.track(KEY_A, ONE_EVENT);

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
        assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(201);
        assertThat(braze.user("C0000001").orElseThrow().eventsReceived()).isEqualTo(1);
        assertThat(braze.requestCounts().failed()).isEqualTo(2);
        braze.faults().failNextRequests(1, 500);
        clock.advance(Duration.ofSeconds(3));
        assertThat(client.track(KEY_A, ONE_EVENT).body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void slowAnswersComeLate() {
        braze.faults().delayAnswers(Duration.ofMillis(200));
        long sent = System.nanoTime();

        assertThat(client.track(KEY_A, ONE_EVENT).statusCode()).isEqualTo(201);

        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void revokedKeysAnswer401UntilCleared() {
        braze.faults().rejectEveryKey();

        assertThat(client.track(KEY_A, ONE_EVENT).statusCode()).isEqualTo(401);
        braze.faults().clear();
        assertThat(client.track(KEY_A, ONE_EVENT).statusCode()).isEqualTo(201);
    }

    @Test
    void otherPathsAnswer404AndOtherMethods405() {
        assertThat(client.send(java.net.http.HttpRequest.newBuilder(braze.url().resolve("/users/export/ids"))
                .header("Authorization", "Bearer " + KEY_A).GET()).statusCode()).isEqualTo(404);
        HttpResponse<String> get = client.get(KEY_A, braze.trackUrl());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }
}
