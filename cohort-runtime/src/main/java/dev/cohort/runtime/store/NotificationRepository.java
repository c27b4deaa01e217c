package dev.cohort.runtime.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The notification feed of one workspace: what people are told about runs, newest first. */
public interface NotificationRepository {
    /** One notification. {@code level} is RUNNING, COMPLETED, WARNING or ERROR. */
    record Notification(long id, String level, String title, String message, Long runId, String orchestration,
                        String runStatus, long rowsRead, long rowsSent, long rowsRejected, String errorCode,
                        String errorMessage, Instant createdAt) {
        public Notification {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /** Records a notification ({@code id} is ignored) and returns it with its id. */
    Notification add(Notification notification);

    /** At most {@code limit} notifications older than {@code beforeId} (null: the newest), newest first. */
    List<Notification> list(Long beforeId, int limit);
}
