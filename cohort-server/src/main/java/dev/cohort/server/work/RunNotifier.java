package dev.cohort.server.work;

import dev.cohort.model.Run;
import dev.cohort.model.RunStatus;
import dev.cohort.runtime.store.NotificationRepository;
import dev.cohort.runtime.store.NotificationRepository.Notification;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what happens to runs into notifications: recorded in the workspace's feed first, then handed to
 * whoever delivers them outside Cohort (webhooks, e-mail). A failure to notify never fails a run.
 */
public final class RunNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(RunNotifier.class);

    private final NotificationRepository feed;
    private final Clock clock;
    private final List<Consumer<Notification>> subscribers = new CopyOnWriteArrayList<>();
    private final List<Consumer<Run>> finishedRuns = new CopyOnWriteArrayList<>();

    public RunNotifier(NotificationRepository feed, Clock clock) {
        this.feed = feed;
        this.clock = clock;
    }

    /** Hears every notification once it is recorded (delivery to channels, metrics). */
    public void subscribe(Consumer<Notification> subscriber) {
        subscribers.add(subscriber);
    }

    /** Hears every run that ends on this node, as stored at its end (metrics: durations). */
    public void subscribeFinished(Consumer<Run> subscriber) {
        finishedRuns.add(subscriber);
    }

    void started(Run run) {
        publish(new Notification(0, "RUNNING", "Running: " + run.orchestration() + " (run " + run.id() + ")",
                (run.isTest() ? "Test run of at most " + run.testRows() + " rows" : "Run") + " of " + run.orchestration()
                        + " started (" + run.trigger() + ").", run.id(), run.orchestration(), run.status().name(),
                0, 0, 0, null, null, clock.instant()));
    }

    /** A run's partner took the delivery and reports later. */
    void waiting(Run run) {
        String until = run.partnerOutcome().map(p -> " until " + p.deadline()).orElse("");
        publish(new Notification(0, "RUNNING", "Waiting for partner: " + run.orchestration() + " (run " + run.id() + ")",
                "Sent " + run.counts().rowsSent() + " rows" + files(run) + "; waiting" + until + " for "
                        + run.partnerOutcome().map(p -> p.waitingFor()).orElse("the partner") + " to report.",
                run.id(), run.orchestration(), run.status().name(), run.counts().rowsRead(), run.counts().rowsSent(),
                run.counts().rowsRejected(), null, null, clock.instant()));
    }

    /** A run ended elsewhere than on a worker: by its partner's report, or because the report did not come. */
    public void ended(Run run) {
        finished(run);
    }

    void finished(Run run) {
        for (Consumer<Run> subscriber : finishedRuns) {
            try {
                subscriber.accept(run);
            } catch (RuntimeException e) {
                LOG.warn("a run subscriber failed on run {}: {}", run.id(), e.getMessage());
            }
        }
        String level = switch (run.status()) {
            case COMPLETED -> "COMPLETED";
            case COMPLETED_WITH_WARNINGS -> "WARNING";
            case FAILED -> "ERROR";
            case CANCELLED -> "WARNING";
            case WAITING_TO_START, RUNNING, WAITING_FOR_PARTNER -> "RUNNING";
        };
        String message = switch (run.status()) {
            case COMPLETED -> "Sent " + run.counts().rowsSent() + " of " + run.counts().rowsRead() + " rows"
                    + files(run) + partner(run) + ".";
            case COMPLETED_WITH_WARNINGS -> "Sent " + run.counts().rowsSent() + " rows; " + run.counts().rowsRejected()
                    + " rejected" + files(run) + partner(run) + ". The run's rejections say why.";
            case FAILED -> "Failed: " + run.errorMessage();
            case CANCELLED -> "Cancelled" + (run.errorMessage() == null ? "" : ": " + run.errorMessage()) + ".";
            case WAITING_TO_START, RUNNING, WAITING_FOR_PARTNER -> run.status().label();
        };
        publish(new Notification(0, level, run.status().label() + ": " + run.orchestration() + " (run " + run.id() + ")",
                message, run.id(), run.orchestration(), run.status().name(), run.counts().rowsRead(),
                run.counts().rowsSent(), run.counts().rowsRejected(),
                run.status() == RunStatus.FAILED ? run.errorCode() : null,
                run.status() == RunStatus.FAILED ? run.errorMessage() : null, clock.instant()));
    }

    /** The partner's own counts, when it reported them: {@code ; the partner took 980 and could not use 20}. */
    private static String partner(Run run) {
        return run.partnerOutcome().filter(p -> p.accepted() != null).map(p -> "; the partner took " + p.accepted()
                + (p.rejected() == null ? "" : " and could not use " + p.rejected())).orElse("");
    }

    private static String files(Run run) {
        return run.files().isEmpty() ? "" : " in " + run.files().size() + " file" + (run.files().size() == 1 ? "" : "s");
    }

    private void publish(Notification notification) {
        Notification recorded;
        try {
            recorded = feed.add(notification);
        } catch (RuntimeException e) {
            LOG.warn("could not record the notification '{}': {}", notification.title(), e.getMessage());
            return;
        }
        for (Consumer<Notification> subscriber : subscribers) {
            try {
                subscriber.accept(recorded);
            } catch (RuntimeException e) {
                LOG.warn("a notification subscriber failed on '{}': {}", recorded.title(), e.getMessage());
            }
        }
    }
}
