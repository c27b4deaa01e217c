package dev.cohort.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * Something Cohort tells people about: a run of an orchestration started, completed, completed with warnings
 * or failed. The server stores it and shows it; this module delivers it outside Cohort. Its JSON form,
 * {@link NotificationJson}, is the body of a webhook.
 *
 * @param id            the notification's id, unique in its workspace
 * @param workspace     the workspace the run belongs to
 * @param level         what happened, and who wants to know ({@link NotificationChannel#wants})
 * @param title         one line saying what happened: "koupon_weekly failed"
 * @param message       more detail for people, possibly empty
 * @param runId         the run, or {@code null} when the notification is not about one run
 * @param orchestration the orchestration's name, or {@code null}
 * @param runStatus     the run's status when the notification was made ({@code COMPLETED_WITH_WARNINGS}), or {@code null}
 * @param rowsRead      rows the run read from the query
 * @param rowsSent      rows the partner accepted
 * @param rowsRejected  rows left out or rejected
 * @param errorCode     the error's code ({@code PARTNER_REJECTED}) when the run failed, else {@code null}
 * @param errorMessage  the error's message when the run failed, else {@code null}
 * @param createdAt     when it happened
 */
public record Notification(long id, String workspace, NotificationLevel level, String title, String message,
                           Long runId, String orchestration, String runStatus, long rowsRead, long rowsSent,
                           long rowsRejected, String errorCode, String errorMessage, Instant createdAt) {
    public Notification {
        requireText(workspace, "workspace");
        Objects.requireNonNull(level, "A notification needs a level.");
        requireText(title, "title");
        Objects.requireNonNull(createdAt, "A notification needs the time it was created (createdAt).");
        message = message == null ? "" : message;
        if (rowsRead < 0 || rowsSent < 0 || rowsRejected < 0) {
            throw new IllegalArgumentException("Row counts of a notification cannot be negative: read " + rowsRead
                    + ", sent " + rowsSent + ", rejected " + rowsRejected + ".");
        }
    }

    /** The webhook event type: {@code run.failed} for {@link NotificationLevel#ERROR}, and so on. */
    public String event() {
        return level.event();
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A notification needs a " + field + "; it was empty.");
        }
    }
}
