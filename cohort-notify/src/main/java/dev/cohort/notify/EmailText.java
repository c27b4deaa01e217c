package dev.cohort.notify;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The subject and plain-text body of a notification e-mail: what happened, to which orchestration and run,
 * the row counts and the error, laid out for a person to read.
 */
final class EmailText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final int LABEL_WIDTH = 15;

    private EmailText() {
    }

    /** "[Cohort] Failed: koupon_weekly (run 42)"; the title stands in for the orchestration when there is none. */
    static String subject(Notification n) {
        String about = n.orchestration() != null ? n.orchestration() : n.title();
        String run = n.runId() != null ? " (run " + n.runId() + ")" : "";
        return oneLine("[Cohort] " + n.level().label() + ": " + about + run);
    }

    static String body(Notification n, String channel) {
        StringBuilder text = new StringBuilder();
        text.append(n.title()).append("\n\n");
        if (!n.message().isBlank()) {
            text.append(n.message().strip()).append("\n\n");
        }
        line(text, "Workspace", n.workspace());
        line(text, "Orchestration", n.orchestration());
        line(text, "Run", n.runId() == null ? null : n.runId().toString());
        line(text, "Status", n.runStatus() == null ? null : statusLabel(n.runStatus()));
        if (n.level() != NotificationLevel.RUNNING || n.rowsRead() + n.rowsSent() + n.rowsRejected() > 0) {
            line(text, "Rows read", count(n.rowsRead()));
            line(text, "Rows sent", count(n.rowsSent()));
            line(text, "Rows rejected", count(n.rowsRejected()));
        }
        if (n.errorCode() != null || n.errorMessage() != null) {
            String error = n.errorCode() == null ? n.errorMessage()
                    : n.errorMessage() == null ? n.errorCode() : n.errorCode() + ": " + n.errorMessage();
            line(text, "Error", error);
        }
        line(text, "When", WHEN.format(n.createdAt()));
        text.append("\n-- \nSent by Cohort through the notification channel '").append(channel).append("'.\n");
        return text.toString();
    }

    /** "COMPLETED_WITH_WARNINGS" reads as "Completed with warnings"; anything else is shown as it is. */
    static String statusLabel(String status) {
        if (!status.matches("[A-Z][A-Z_]*")) {
            return status;
        }
        String words = status.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static void line(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            String indented = value.strip().replaceAll("\\R", "\n" + " ".repeat(LABEL_WIDTH));
            text.append(String.format(Locale.ROOT, "%-" + LABEL_WIDTH + "s%s", label + ":", indented)).append('\n');
        }
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Control characters (a line break in a title) would break the header; they become spaces. */
    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ").strip();
    }
}
