package dev.cohort.connector.braze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RateLimitPacerTest {
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private static RateLimitHeaders window(long remaining, Instant reset) {
        return new RateLimitHeaders(3000L, remaining, reset, null);
    }

    @Test
    void withoutHeadersEveryRequestGoesAtOnce() throws InterruptedException {
        RateLimitPacer pacer = new RateLimitPacer(InstantSource.system());

        assertThat(pacer.awaitTurn(MAX_WAIT)).isNull();
        assertThat(pacer.awaitTurn(MAX_WAIT)).isNull();
        assertThat(pacer.blockedUntil()).isNull();
    }

    @Test
    void aUsedUpWindowHoldsTheNextRequestUntilItResets() {
        RateLimitPacer pacer = new RateLimitPacer(InstantSource.system());
        Instant reset = Instant.now().plusMillis(600);
        pacer.observe(window(0, reset));
        AtomicReference<Instant> wentAt = new AtomicReference<>();

        Thread sender = Thread.ofPlatform().start(() -> {
            try {
                pacer.awaitTurn(MAX_WAIT);
                wentAt.set(Instant.now());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        await().atMost(Duration.ofSeconds(2)).until(() -> sender.getState() == Thread.State.TIMED_WAITING || wentAt.get() != null);
        await().atMost(Duration.ofSeconds(5)).until(() -> wentAt.get() != null);
        assertThat(wentAt.get()).isAfterOrEqualTo(reset);
        assertThat(pacer.blockedUntil()).isNull();
    }

    @Test
    void aWindowLongerThanTheWaitAllowedIsGivenBackAtOnce() throws InterruptedException {
        RateLimitPacer pacer = new RateLimitPacer(InstantSource.system());
        Instant reset = Instant.now().plusSeconds(60);
        pacer.observe(window(0, reset));

        Duration wait = pacer.awaitTurn(MAX_WAIT);

        assertThat(wait).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60));
        assertThat(pacer.blockedUntil()).isEqualTo(reset);
    }

    @Test
    void requestsCountThemselvesOffWhatRemains() throws InterruptedException {
        Instant now = Instant.parse("2026-03-14T09:00:00Z");
        RateLimitPacer pacer = new RateLimitPacer(() -> now);
        pacer.observe(window(2, now.plusSeconds(60)));

        assertThat(pacer.awaitTurn(MAX_WAIT)).isNull();
        assertThat(pacer.awaitTurn(MAX_WAIT)).isNull();
        assertThat(pacer.awaitTurn(MAX_WAIT)).as("the third finds none left").isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aLateAnswerOfTheSameWindowCannotRaiseWhatRemains() throws InterruptedException {
        Instant now = Instant.parse("2026-03-14T09:00:00Z");
        RateLimitPacer pacer = new RateLimitPacer(() -> now);
        Instant reset = now.plusSeconds(60);
        pacer.observe(window(0, reset));
        pacer.observe(window(5, reset));
        pacer.observe(window(9, now.plusSeconds(30))); // an older window

        assertThat(pacer.blockedUntil()).isEqualTo(reset);
        pacer.observe(window(5, now.plusSeconds(63))); // the next window
        assertThat(pacer.blockedUntil()).isNull();
    }

    @Test
    void a429BlocksUntilTheGivenInstantAndWakesWaitersWhenTheWindowMoves() throws Exception {
        RateLimitPacer pacer = new RateLimitPacer(InstantSource.system());
        pacer.exhaustedUntil(Instant.now().plusSeconds(8));
        CompletableFuture<Duration> turn = CompletableFuture.supplyAsync(() -> {
            try {
                return pacer.awaitTurn(MAX_WAIT);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !turn.isDone());
        pacer.observe(window(100, Instant.now().plusSeconds(20))); // Braze opened a new window early
        assertThat(turn.get(2, java.util.concurrent.TimeUnit.SECONDS)).isNull();
    }
}
