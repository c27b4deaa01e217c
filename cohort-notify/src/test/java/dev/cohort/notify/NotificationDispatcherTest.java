package dev.cohort.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cohort.notify.DeliveryOutcome.Delivered;
import dev.cohort.notify.DeliveryOutcome.Permanent;
import dev.cohort.notify.DeliveryOutcome.Temporary;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationDispatcherTest {
    static final RetrySchedule QUICK = new RetrySchedule(3, Duration.ofMillis(5), Duration.ofMillis(50));

    RecordingListener listener = new RecordingListener();

    @Test
    void aSlowChannelDoesNotDelayAnother() {
        FakeChannel slow = FakeChannel.delivering("slow").held();
        FakeChannel fast = FakeChannel.delivering("fast");
        try (var dispatcher = new NotificationDispatcher(List.of(slow, fast), QUICK, listener)) {
            List<String> channels = dispatcher.dispatch(Notifications.failed());

            assertThat(channels).containsExactly("slow", "fast");
            assertThat(listener.awaitOutcome("fast")).isInstanceOf(Delivered.class);
            assertThat(slow.attempts()).hasSize(1);
            assertThat(listener.of("slow")).as("the slow channel is still busy").isEmpty();

            slow.release();
            assertThat(listener.awaitOutcome("slow")).isInstanceOf(Delivered.class);
        }
    }

    @Test
    void dispatchReturnsAtOnceWhileChannelsWork() {
        FakeChannel slow = FakeChannel.delivering("slow").held();
        try (var dispatcher = new NotificationDispatcher(List.of(slow), QUICK, listener)) {
            dispatcher.dispatch(Notifications.failed());
            dispatcher.dispatch(Notifications.completed());

            await().atMost(Duration.ofSeconds(5)).until(() -> slow.attempts().size() == 2);
            assertThat(listener.all()).isEmpty();
            slow.release();
        }
        assertThat(listener.of("slow")).hasSize(2);
    }

    @Test
    void onlyChannelsThatWantTheLevelGetTheNotification() {
        FakeChannel failures = new FakeChannel("failures", EnumSet.of(NotificationLevel.ERROR),
                attempt -> DeliveryOutcome.delivered("ok"));
        FakeChannel successes = new FakeChannel("successes", EnumSet.of(NotificationLevel.COMPLETED, NotificationLevel.WARNING),
                attempt -> DeliveryOutcome.delivered("ok"));
        try (var dispatcher = new NotificationDispatcher(List.of(failures, successes), QUICK, listener)) {
            assertThat(dispatcher.dispatch(Notifications.completed())).containsExactly("successes");
            assertThat(dispatcher.dispatch(Notifications.at(NotificationLevel.RUNNING, 5))).isEmpty();

            listener.awaitOutcome("successes");
        }
        assertThat(failures.attempts()).isEmpty();
        assertThat(successes.attempts()).extracting(Notification::level).containsExactly(NotificationLevel.COMPLETED);
        assertThat(listener.all()).extracting(RecordingListener.Finished::channel).containsExactly("successes");
    }

    @Test
    void temporaryFailuresAreRetriedUntilDelivered() {
        FakeChannel flaky = new FakeChannel("flaky", Set.of(NotificationLevel.ERROR), attempt -> attempt < 3
                ? DeliveryOutcome.temporary("channel 'flaky': HTTP 503")
                : DeliveryOutcome.delivered("HTTP 200"));
        try (var dispatcher = new NotificationDispatcher(List.of(flaky), QUICK, listener)) {
            dispatcher.dispatch(Notifications.failed());

            assertThat(listener.awaitOutcome("flaky")).isEqualTo(new Delivered(3, "HTTP 200"));
        }
    }

    @Test
    void aDeliveryGivesUpAfterTheLastAttempt() {
        FakeChannel down = new FakeChannel("down", Set.of(NotificationLevel.ERROR),
                attempt -> DeliveryOutcome.temporary("channel 'down': connection refused"));
        try (var dispatcher = new NotificationDispatcher(List.of(down), QUICK, listener)) {
            dispatcher.dispatch(Notifications.failed());

            assertThat(listener.awaitOutcome("down")).isEqualTo(
                    new Temporary(3, "channel 'down': connection refused", java.util.Optional.empty()));
        }
        assertThat(down.attempts()).hasSize(3);
    }

    @Test
    void permanentFailuresAreNotRetried() {
        FakeChannel refusing = new FakeChannel("refusing", Set.of(NotificationLevel.ERROR),
                attempt -> DeliveryOutcome.permanent("channel 'refusing': HTTP 404"));
        try (var dispatcher = new NotificationDispatcher(List.of(refusing), QUICK, listener)) {
            dispatcher.dispatch(Notifications.failed());

            assertThat(listener.awaitOutcome("refusing")).isEqualTo(new Permanent(1, "channel 'refusing': HTTP 404"));
        }
        assertThat(refusing.attempts()).hasSize(1);
    }

    @Test
    void aReceiverAskingToWaitLongerThanTheLongestDelayIsNotWaitedFor() {
        FakeChannel busy = new FakeChannel("busy", Set.of(NotificationLevel.ERROR),
                attempt -> DeliveryOutcome.temporary("channel 'busy': HTTP 503", Duration.ofHours(1)));
        try (var dispatcher = new NotificationDispatcher(List.of(busy), QUICK, listener)) {
            dispatcher.dispatch(Notifications.failed());

            assertThat(listener.awaitOutcome("busy")).isInstanceOfSatisfying(Temporary.class, temporary -> {
                assertThat(temporary.attempts()).isEqualTo(1);
                assertThat(temporary.reason()).contains("HTTP 503", "asked to wait longer");
            });
        }
    }

    @Test
    void aChannelThatThrowsIsReportedAsPermanent() {
        FakeChannel broken = new FakeChannel("broken", Set.of(NotificationLevel.ERROR), attempt -> {
            throw new IllegalStateException("bug");
        });
        try (var dispatcher = new NotificationDispatcher(List.of(broken), QUICK, listener)) {
            dispatcher.dispatch(Notifications.failed());

            assertThat(listener.awaitOutcome("broken")).isInstanceOfSatisfying(Permanent.class,
                    permanent -> assertThat(permanent.reason()).contains("'broken'", "failed unexpectedly"));
        }
    }

    @Test
    void aFailingListenerDoesNotStopOtherDeliveries() {
        FakeChannel one = FakeChannel.delivering("one");
        FakeChannel two = FakeChannel.delivering("two");
        DeliveryListener failOnOne = (notification, channel, outcome) -> {
            if (channel.equals("one")) {
                throw new IllegalStateException("database down");
            }
            listener.finished(notification, channel, outcome);
        };
        try (var dispatcher = new NotificationDispatcher(List.of(one, two), QUICK, failOnOne)) {
            dispatcher.dispatch(Notifications.failed());
            dispatcher.dispatch(Notifications.completed());

            await().atMost(Duration.ofSeconds(5)).until(() -> listener.of("two").size() == 2);
        }
    }

    @Test
    void closeWaitsForDeliveriesUnderWayAndClosesTheChannels() {
        FakeChannel flaky = new FakeChannel("flaky", Set.of(NotificationLevel.ERROR), attempt -> attempt < 3
                ? DeliveryOutcome.temporary("channel 'flaky': HTTP 503")
                : DeliveryOutcome.delivered("HTTP 200"));
        var dispatcher = new NotificationDispatcher(List.of(flaky), QUICK, listener);
        dispatcher.dispatch(Notifications.failed());

        assertThat(dispatcher.close(Duration.ofSeconds(5))).isTrue();

        assertThat(listener.of("flaky")).singleElement().extracting(RecordingListener.Finished::outcome)
                .isEqualTo(new Delivered(3, "HTTP 200"));
        assertThat(flaky.closed()).isTrue();
    }

    @Test
    void closeInterruptsWhatIsLeftAtTheDeadlineAndReportsIt() {
        FakeChannel stuck = FakeChannel.delivering("stuck").held();
        var dispatcher = new NotificationDispatcher(List.of(stuck), QUICK, listener);
        dispatcher.dispatch(Notifications.failed());
        await().atMost(Duration.ofSeconds(5)).until(() -> stuck.attempts().size() == 1);

        assertThat(dispatcher.close(Duration.ofMillis(100))).isFalse();

        assertThat(listener.of("stuck")).singleElement().extracting(RecordingListener.Finished::outcome)
                .isInstanceOfSatisfying(Temporary.class, temporary -> assertThat(temporary.reason()).contains("shutting down"));
    }

    @Test
    void afterCloseNotificationsAreReportedAsNotSent() {
        FakeChannel channel = FakeChannel.delivering("ops");
        var dispatcher = new NotificationDispatcher(List.of(channel), QUICK, listener);
        dispatcher.close();

        assertThat(dispatcher.dispatch(Notifications.failed())).containsExactly("ops");

        assertThat(listener.of("ops")).singleElement().extracting(RecordingListener.Finished::outcome)
                .isInstanceOfSatisfying(Temporary.class, temporary -> {
                    assertThat(temporary.attempts()).isZero();
                    assertThat(temporary.reason()).contains("not sent", "shutting down");
                });
        assertThat(channel.attempts()).isEmpty();
    }

    @Test
    void channelNamesMustDiffer() {
        assertThatThrownBy(() -> new NotificationDispatcher(List.of(FakeChannel.delivering("ops"),
                FakeChannel.delivering("ops")), QUICK, listener))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Two notification channels are named 'ops'");
    }
}
