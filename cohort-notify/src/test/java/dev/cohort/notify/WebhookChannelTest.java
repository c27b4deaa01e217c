package dev.cohort.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.notify.DeliveryOutcome.Delivered;
import dev.cohort.notify.DeliveryOutcome.Permanent;
import dev.cohort.notify.DeliveryOutcome.Temporary;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One attempt of the webhook channel against a real HTTP receiver on a loopback port. */
class WebhookChannelTest {
    static final String SECRET = "whsec_test_0123456789abcdef";

    WebhookReceiver receiver;
    WebhookChannel channel;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver(SECRET);
        channel = channel(receiver.url(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        channel.close();
        receiver.close();
    }

    static WebhookChannel channel(URI url, Duration requestTimeout) {
        return new WebhookChannel(new WebhookConfig("ops-hook", Set.of(NotificationLevel.ERROR), url, SECRET,
                Duration.ofSeconds(2), requestTimeout));
    }

    @Test
    void deliversSignedJsonTheReceiverCanVerify() {
        Notification notification = Notifications.failed();

        DeliveryOutcome outcome = channel.deliver(notification);

        assertThat(outcome).isEqualTo(new Delivered(1, "HTTP 200"));
        assertThat(receiver.received()).singleElement().satisfies(request -> {
            assertThat(request.genuine()).as("signature verifies").isTrue();
            assertThat(request.path()).isEqualTo(WebhookReceiver.PATH);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("User-Agent")).isEqualTo("Cohort-Webhook/1");
            assertThat(request.header("X-Cohort-Event")).isEqualTo("run.failed");
            assertThat(request.header("X-Cohort-Delivery")).matches("[0-9a-f-]{36}");
            assertThat(Long.parseLong(request.header("X-Cohort-Timestamp")))
                    .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
            assertThat(request.header("X-Cohort-Signature")).matches("v1=[0-9a-f]{64}");
            assertThat(request.text()).isEqualTo(NotificationJson.write(notification));
            assertThat(NotificationJson.read(request.text())).isEqualTo(notification);
        });
    }

    @Test
    void theDeliveryIdIsTheSameForTheSameNotificationAndDiffersPerNotificationAndChannel() {
        channel.deliver(Notifications.failed());
        channel.deliver(Notifications.failed());
        channel.deliver(Notifications.completed());

        var ids = receiver.received().stream().map(r -> r.header("X-Cohort-Delivery")).toList();
        assertThat(ids.get(0)).isEqualTo(ids.get(1)).isNotEqualTo(ids.get(2));
        assertThat(DeliveryId.of(Notifications.failed(), "other-hook")).isNotEqualTo(ids.get(0));
    }

    @Test
    void aClientErrorIsPermanentAndSaysWhatToCheckWithoutSecrets() {
        receiver.answer(400);

        DeliveryOutcome outcome = channel.deliver(Notifications.failed());

        assertThat(outcome).isInstanceOfSatisfying(Permanent.class, permanent -> {
            assertThat(permanent.reason()).contains("'ops-hook'", "HTTP 400", "check the receiver's logs");
            assertThat(permanent.reason()).doesNotContain(SECRET, "cohort-token-1234", "quota exceeded");
        });
    }

    @Test
    void aServerErrorIsTemporary() {
        receiver.answer(500);

        assertThat(channel.deliver(Notifications.failed())).isInstanceOfSatisfying(Temporary.class, temporary -> {
            assertThat(temporary.reason()).contains("'ops-hook'", "HTTP 500");
            assertThat(temporary.retryAfter()).isEmpty();
        });
    }

    @Test
    void tooManyRequestsIsTemporaryWithTheWaitTheReceiverAskedFor() {
        receiver.answer(429, "Retry-After", "7");

        assertThat(channel.deliver(Notifications.failed())).isInstanceOfSatisfying(Temporary.class,
                temporary -> assertThat(temporary.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void retryAfterMayBeAnHttpDate() {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(120).atOffset(ZoneOffset.UTC));
        receiver.answer(503, "Retry-After", inTwoMinutes);

        assertThat(channel.deliver(Notifications.failed())).isInstanceOfSatisfying(Temporary.class,
                temporary -> assertThat(temporary.retryAfter()).hasValueSatisfying(wait ->
                        assertThat(wait).isBetween(Duration.ofSeconds(115), Duration.ofSeconds(120))));
    }

    @Test
    void timeoutsAndRequestTimeoutsAreTemporary() {
        receiver.answer(408);
        assertThat(channel.deliver(Notifications.failed())).isInstanceOf(Temporary.class);
        receiver.answer(425);
        assertThat(channel.deliver(Notifications.failed())).isInstanceOf(Temporary.class);
    }

    @Test
    void aRedirectIsNotFollowedAndIsPermanentNamingWhereItPoints() {
        receiver.answer(301, "Location", receiver.baseUrl() + "/new-place");

        DeliveryOutcome outcome = channel.deliver(Notifications.failed());

        assertThat(outcome).isInstanceOfSatisfying(Permanent.class, permanent -> assertThat(permanent.reason())
                .contains("HTTP 301", receiver.baseUrl() + "/new-place", "does not follow redirects"));
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsTemporary() {
        try (WebhookChannel nobodyHome = channel(URI.create("http://127.0.0.1:" + Ports.closed() + "/hook"), Duration.ofSeconds(2))) {
            assertThat(nobodyHome.deliver(Notifications.failed())).isInstanceOfSatisfying(Temporary.class,
                    temporary -> assertThat(temporary.reason()).contains("'ops-hook'", "could not connect"));
        }
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsTemporary() {
        receiver.hang();
        try (WebhookChannel impatient = channel(receiver.url(), Duration.ofMillis(300))) {
            assertThat(impatient.deliver(Notifications.failed())).isInstanceOfSatisfying(Temporary.class,
                    temporary -> assertThat(temporary.reason()).contains("did not answer within 300 ms"));
        }
    }

    @Test
    void wantsOnlyItsLevels() {
        assertThat(channel.wants(NotificationLevel.ERROR)).isTrue();
        assertThat(channel.wants(NotificationLevel.COMPLETED)).isFalse();
        assertThat(channel.name()).isEqualTo("ops-hook");
    }
}
