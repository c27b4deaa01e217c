package dev.cohort.server.api;

import dev.cohort.model.OrchestrationDefinition;
import dev.cohort.model.OrchestrationSource;
import dev.cohort.model.Run;
import dev.cohort.model.RunFile;
import dev.cohort.model.RunRejection;
import dev.cohort.model.Workflow;
import dev.cohort.runtime.store.NotificationRepository;
import java.time.Instant;
import java.util.List;

/** What the API answers with: records read by Jackson (snake_case) and by the OpenAPI document. */
public final class Views {
    private Views() {}

    /** A page of a list: {@code next} is the cursor to pass back (as {@code before} or {@code after}) for more. */
    public record Page<T>(List<T> items, String next) {}

    public record RunView(long id, String orchestration, String status, String statusLabel, boolean test, Long testRows,
                          String trigger, Instant requestedAt, Instant startedAt, Instant finishedAt, long rowsRead,
                          long rowsSent, long rowsRejected, long bytesSent, int attempts, String worker, String errorCode,
                          String errorMessage, List<FileView> files, List<RejectionView> rejections, PartnerView partner,
                          String note) {
        public static RunView of(Run run) {
            return of(run, null);
        }

        /** With {@code note}: what a person should know about this answer (a run queued behind another). */
        public static RunView of(Run run, String note) {
            return new RunView(run.id(), run.orchestration(), run.status().name(), run.status().label(), run.isTest(),
                    run.testRows(), run.trigger(), run.requestedAt(), run.startedAt(), run.finishedAt(),
                    run.counts().rowsRead(), run.counts().rowsSent(), run.counts().rowsRejected(), run.counts().bytesSent(),
                    run.attempts(), run.worker(), run.errorCode(), run.errorMessage(),
                    run.files().stream().map(FileView::of).toList(), run.rejections().stream().map(RejectionView::of).toList(),
                    run.partnerOutcome().map(PartnerView::of).orElse(null), note);
        }
    }

    /**
     * For a run its partner completes later: what it waits (or waited) for, until when, and the partner's counts
     * once reported ({@code accepted}: Insider's valid values; {@code rejected}: its invalid ones).
     */
    public record PartnerView(String waitingFor, Instant deadline, Long accepted, Long rejected) {
        static PartnerView of(dev.cohort.model.PartnerOutcome outcome) {
            return new PartnerView(outcome.waitingFor(), outcome.deadline(), outcome.accepted(), outcome.rejected());
        }
    }

    /** What a partner's report on a run's callback did: {@code recorded} false when the run had already ended. */
    public record CallbackAnswer(long run, String status, boolean recorded) {}

    public record FileView(String name, String location, long bytes, String sha256, long rows) {
        static FileView of(RunFile file) {
            return new FileView(file.name(), file.location(), file.bytes(), file.sha256(), file.rows());
        }
    }

    public record RejectionView(long row, String reason) {
        static RejectionView of(RunRejection rejection) {
            return new RejectionView(rejection.rowNumber(), rejection.reason());
        }
    }

    /** {@code kind}: manual, automatic (cron, time zone, next run), after_orchestration or after_table ({@code after}). */
    public record WorkflowView(String kind, String cron, String timeZone, Instant nextRunAt, String after) {}

    public record OrchestrationView(String name, String description, String query, List<String> tables, String destination,
                                    String dataTemplate, WorkflowView workflow, String onInterruption, RunView lastRun) {
        public static OrchestrationView of(OrchestrationDefinition o, Instant nextRunAt, Run lastRun) {
            WorkflowView workflow = switch (o.workflow()) {
                case Workflow.Manual manual -> new WorkflowView("manual", null, null, null, null);
                case Workflow.Automatic automatic -> new WorkflowView("automatic", automatic.cron(),
                        automatic.timeZone().getId(), nextRunAt, null);
                case Workflow.AfterOrchestration after -> new WorkflowView("after_orchestration", null, null, null,
                        after.orchestration());
                case Workflow.AfterTable after -> new WorkflowView("after_table", null, null, null, after.table());
            };
            return new OrchestrationView(o.name(), o.description(),
                    o.source() instanceof OrchestrationSource.Query q ? q.query() : null,
                    o.source() instanceof OrchestrationSource.DatabaseExport e ? e.tables() : null,
                    o.destination(), o.template(), workflow, o.onInterruption().name().toLowerCase(java.util.Locale.ROOT),
                    lastRun == null ? null : RunView.of(lastRun));
        }
    }

    public record NotificationView(long id, String level, String title, String message, Long runId, String orchestration,
                                   String runStatus, long rowsRead, long rowsSent, long rowsRejected, String errorCode,
                                   String errorMessage, Instant createdAt) {
        public static NotificationView of(NotificationRepository.Notification n) {
            return new NotificationView(n.id(), n.level(), n.title(), n.message(), n.runId(), n.orchestration(), n.runStatus(),
                    n.rowsRead(), n.rowsSent(), n.rowsRejected(), n.errorCode(), n.errorMessage(), n.createdAt());
        }
    }

    /** A workspace object as written in cohort.yaml (credentials hold references to secrets, never values). */
    public record ObjectView(String kind, String name, tools.jackson.databind.JsonNode spec, long version, Instant updatedAt) {}

    /** Body of a test run request. */
    public record TestRunRequest(Long rows) {}

    /** Body of a cancel request. */
    public record CancelRequest(String reason) {}

    public record Health(String status, String node, String workspace, int running, long waiting) {}
}
