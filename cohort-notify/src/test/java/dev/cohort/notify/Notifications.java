package dev.cohort.notify;

import java.time.Instant;

/** Notifications as the server makes them, for tests. */
final class Notifications {
    static final Instant CREATED_AT = Instant.parse("2026-03-01T09:30:00Z");

    private Notifications() {
    }

    static Notification failed() {
        return new Notification(17, "acme", NotificationLevel.ERROR, "koupon_weekly failed",
                "The partner refused the file.", 42L, "koupon_weekly", "FAILED", 10_000, 9_000, 12,
                "PARTNER_REJECTED", "Koupon Media answered 550: quota exceeded", CREATED_AT);
    }

    static Notification completed() {
        return new Notification(18, "acme", NotificationLevel.COMPLETED, "koupon_weekly completed", "", 43L,
                "koupon_weekly", "COMPLETED", 10_000, 10_000, 0, null, null, CREATED_AT.plusSeconds(3600));
    }

    static Notification at(NotificationLevel level, long id) {
        return new Notification(id, "acme", level, "koupon_weekly: " + level.label(), "", 42L, "koupon_weekly",
                level.name(), 0, 0, 0, null, null, CREATED_AT);
    }
}
