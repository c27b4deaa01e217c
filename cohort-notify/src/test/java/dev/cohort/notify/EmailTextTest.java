package dev.cohort.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailTextTest {
    @Test
    void theSubjectSaysWhatHappenedToWhichRun() {
        assertThat(EmailText.subject(Notifications.failed())).isEqualTo("[Cohort] Failed: koupon_weekly (run 42)");
        assertThat(EmailText.subject(Notifications.completed())).isEqualTo("[Cohort] Completed: koupon_weekly (run 43)");
        assertThat(EmailText.subject(Notifications.at(NotificationLevel.RUNNING, 1))).isEqualTo("[Cohort] Started: koupon_weekly (run 42)");
        assertThat(EmailText.subject(Notifications.at(NotificationLevel.WARNING, 1))).isEqualTo("[Cohort] Warning: koupon_weekly (run 42)");
    }

    @Test
    void withoutARunTheSubjectUsesTheTitleOnOneLine() {
        var notification = new Notification(1, "acme", NotificationLevel.WARNING, "Disk\r\nnearly full", "", null, null,
                null, 0, 0, 0, null, null, Notifications.CREATED_AT);

        assertThat(EmailText.subject(notification)).isEqualTo("[Cohort] Warning: Disk nearly full");
        assertThat(EmailText.body(notification, "ops")).doesNotContain("Orchestration:", "Run:", "Error:");
    }

    @Test
    void aStartedRunLeavesOutItsEmptyRowCounts() {
        assertThat(EmailText.body(Notifications.at(NotificationLevel.RUNNING, 1), "ops"))
                .contains("Status:        Running").doesNotContain("Rows read");
    }

    @Test
    void aLongErrorKeepsItsLinesUnderItsLabel() {
        var notification = new Notification(1, "acme", NotificationLevel.ERROR, "t", "", 1L, "o", "FAILED", 0, 0, 0,
                null, "first line\nsecond line", Notifications.CREATED_AT);

        assertThat(EmailText.body(notification, "ops")).contains("Error:         first line\n               second line\n");
    }

    @Test
    void statusesReadAsWords() {
        assertThat(EmailText.statusLabel("COMPLETED_WITH_WARNINGS")).isEqualTo("Completed with warnings");
        assertThat(EmailText.statusLabel("Completed with warnings")).isEqualTo("Completed with warnings");
    }
}
