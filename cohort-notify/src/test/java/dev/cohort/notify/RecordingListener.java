package dev.cohort.notify;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every outcome the dispatcher reports; waits for one with Awaitility. */
final class RecordingListener implements DeliveryListener {
    record Finished(Notification notification, String channel, DeliveryOutcome outcome) {
    }

    private final List<Finished> finished = new CopyOnWriteArrayList<>();

    @Override
    public void finished(Notification notification, String channel, DeliveryOutcome outcome) {
        finished.add(new Finished(notification, channel, outcome));
    }

    List<Finished> all() {
        return List.copyOf(finished);
    }

    List<Finished> of(String channel) {
        return finished.stream().filter(f -> f.channel().equals(channel)).toList();
    }

    /** The one outcome reported for this channel, waiting up to 5 s for it. */
    DeliveryOutcome awaitOutcome(String channel) {
        await().atMost(Duration.ofSeconds(5)).until(() -> !of(channel).isEmpty());
        return of(channel).getFirst().outcome();
    }
}
