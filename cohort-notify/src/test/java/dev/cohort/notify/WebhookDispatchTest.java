package dev.cohort.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.notify.DeliveryOutcome.Delivered;
import dev.cohort.notify.DeliveryOutcome.Permanent;
import dev.cohort.notify.DeliveryOutcome.Temporary;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatcher retrying a real webhook receiver: what the receiver sees and what the listener is told. */
class WebhookDispatchTest {
    static final RetrySchedule QUICK = new RetrySchedule(3, Duration.ofMillis(10), Duration.ofSeconds(2));

    WebhookReceiver receiver;
    RecordingListener listener = new RecordingListener();

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver(WebhookChannelTest.SECRET);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private DeliveryOutcome dispatchTo(URI url) {
        try (var dispatcher = new NotificationDispatcher(List.of(WebhookChannelTest.channel(url, Duration.ofSeconds(5))),
                QUICK, listener)) {
            assertThat(dispatcher.dispatch(Notifications.failed())).containsExactly("ops-hook");
            return listener.awaitOutcome("ops-hook");
        }
    }

    @Test
    void serverErrorsAreRetriedWithTheSameDeliveryIdUntilDelivered() {
        receiver.answer(500).answer(500).answer(200);

        DeliveryOutcome outcome = dispatchTo(receiver.url());

        assertThat(outcome).isEqualTo(new Delivered(3, "HTTP 200"));
        List<WebhookReceiver.Received> requests = receiver.received();
        assertThat(requests).hasSize(3).allSatisfy(request -> assertThat(request.genuine()).isTrue());
        assertThat(requests).extracting(request -> request.header("X-Cohort-Delivery")).containsOnly(
                requests.getFirst().header("X-Cohort-Delivery"));
    }

    @Test
    void retryAfterIsHonoured() {
        receiver.answer(429, "Retry-After", "1").answer(200);

        DeliveryOutcome outcome = dispatchTo(receiver.url());

        assertThat(outcome).isInstanceOf(Delivered.class).extracting(DeliveryOutcome::attempts).isEqualTo(2);
        List<WebhookReceiver.Received> requests = receiver.received();
        assertThat(Duration.ofNanos(requests.get(1).arrivedNanos() - requests.get(0).arrivedNanos()))
                .as("the second attempt waited the second the receiver asked for, not the 10 ms back-off")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aClientErrorIsNotRetried() {
        receiver.answer(400);

        DeliveryOutcome outcome = dispatchTo(receiver.url());

        assertThat(outcome).isInstanceOf(Permanent.class).extracting(DeliveryOutcome::attempts).isEqualTo(1);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedAsTemporary() {
        DeliveryOutcome outcome = dispatchTo(URI.create("http://127.0.0.1:" + Ports.closed() + "/hook"));

        assertThat(outcome).isInstanceOfSatisfying(Temporary.class, temporary -> {
            assertThat(temporary.attempts()).isEqualTo(3);
            assertThat(temporary.reason()).contains("could not connect");
        });
    }
}
