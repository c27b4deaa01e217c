package dev.cohort.cli;

import dev.cohort.model.Run;
import dev.cohort.model.RunCounts;
import dev.cohort.model.RunFile;
import dev.cohort.model.RunRejection;
import dev.cohort.model.RunStatus;
import dev.cohort.runtime.run.RunListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** Shows a run as it goes (rows, MB, rate) and ends with its summary, as {@code cohort run} prints it. */
final class RunPrinter implements RunListener {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int SHOWN_REJECTIONS = 5;
    private final PrintWriter out;
    final AtomicBoolean cancel = new AtomicBoolean();
    final CountDownLatch done = new CountDownLatch(1);

    RunPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void started(Run run) {
        out.println("Run " + run.id() + " of " + run.orchestration() + " started"
                + (run.isTest() ? " (test: the first " + run.testRows() + " rows)" : "")
                + (run.trigger().startsWith(dev.cohort.runtime.run.RunLauncher.RERUN_OF) ? ", the " + run.trigger() + " that was"
                        + " interrupted" : "") + ".");
        out.flush();
    }

    @Override
    public void progress(RunCounts counts, long bytes, Duration elapsed) {
        double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
        out.printf(Locale.ROOT, "  %,d rows read · %,d sent · %.1f MB · %,.0f rows/s%n", counts.rowsRead(),
                counts.rowsSent(), bytes / 1e6, counts.rowsRead() / seconds);
        out.flush();
    }

    @Override
    public void retrying(int failedAttempt, String error, Duration wait) {
        out.printf(Locale.ROOT, "  attempt %d failed: %s; trying again in %.1f s%n", failedAttempt, error, wait.toMillis() / 1000.0);
        out.flush();
    }

    @Override
    public void finished(Run run) {
        summary(out, run, Instant.now());
        done.countDown();
    }

    @Override
    public void waiting(Run run) {
        summary(out, run, Instant.now());
        done.countDown();
    }

    @Override
    public boolean cancelRequested() {
        return cancel.get();
    }

    static void summary(PrintWriter out, Run run, Instant now) {
        RunCounts counts = run.counts();
        String took = run.duration(now).map(d -> String.format(Locale.ROOT, " in %.1f s", d.toMillis() / 1000.0)).orElse("");
        out.printf(Locale.ROOT, "Run %d %s%s: %,d rows read, %,d sent, %,d rejected.%n", run.id(),
                run.status().label().toLowerCase(Locale.ROOT), took, counts.rowsRead(), counts.rowsSent(), counts.rowsRejected());
        for (RunFile file : run.files()) {
            out.printf(Locale.ROOT, "  file %s  %,d rows  %.1f MB  sha256 %s  (%s)%n", file.name(), file.rows(),
                    file.bytes() / 1e6, file.sha256(), file.location());
        }
        run.partnerOutcome().ifPresent(partner -> {
            if (partner.accepted() != null || partner.rejected() != null) {
                out.printf(Locale.ROOT, "  partner's report: %s valid, %s invalid (%s)%n", count(partner.accepted()),
                        count(partner.rejected()), partner.waitingFor());
            } else if (!run.status().isFinal()) {
                out.println("  waiting for the partner's report until " + TIME.format(partner.deadline()) + ": "
                        + partner.waitingFor() + ". 'cohort run show " + run.id() + "' shows it once it came.");
            }
        });
        if (!run.rejections().isEmpty()) {
            out.printf(Locale.ROOT, "  rejected rows (%s):%n", counts.rowsRejected() > SHOWN_REJECTIONS
                    ? "the first " + SHOWN_REJECTIONS + " of " + String.format(Locale.ROOT, "%,d", counts.rowsRejected()) : "all");
            run.rejections().stream().limit(SHOWN_REJECTIONS).forEach(RunPrinter.rejection(out));
            if (counts.rowsRejected() > SHOWN_REJECTIONS) {
                out.println("  'cohort run show " + run.id() + "' lists up to 100.");
            }
        }
        if (run.status() == RunStatus.FAILED || run.status() == RunStatus.CANCELLED) {
            out.println("  error: " + run.errorMessage() + (run.errorCode() == null ? "" : " [" + run.errorCode() + "]"));
        }
        out.flush();
    }

    private static String count(Long value) {
        return value == null ? "?" : String.format(Locale.ROOT, "%,d", value);
    }

    static java.util.function.Consumer<RunRejection> rejection(PrintWriter out) {
        return rejection -> out.printf(Locale.ROOT, "    row %,d: %s%n", rejection.rowNumber(), rejection.reason());
    }
}
