package dev.cohort.server;

import dev.cohort.runtime.store.NotificationRepository.Notification;
import dev.cohort.runtime.store.RunRepository;
import dev.cohort.server.work.WorkerPool;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@code /metrics} shows, in Prometheus' text format: runs finished by status, rows sent, queue
 * depth, runs executing on this node, and partner errors by code. Counters count what this node saw.
 */
final class ServerMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RunRepository runs;
    private final AtomicLong waiting = new AtomicLong();

    ServerMetrics(RunRepository runs, WorkerPool workers) {
        this.runs = runs;
        Gauge.builder("cohort.runs.waiting", this, m -> m.refreshWaiting())
                .description("runs waiting to start in the shared queue").register(registry);
        Gauge.builder("cohort.runs.waiting_for_partner", runs, r -> r.waitingForPartner().size())
                .description("runs whose partner took the delivery and has not reported yet").register(registry);
        Gauge.builder("cohort.runs.executing", workers, w -> w.executing().size())
                .description("runs executing on this node").register(registry);
    }

    void notified(Notification notification) {
        if (notification.runStatus() == null || "RUNNING".equals(notification.runStatus())
                || "WAITING_FOR_PARTNER".equals(notification.runStatus())) {
            if ("RUNNING".equals(notification.runStatus())) {
                Counter.builder("cohort.runs.started").description("runs started on this node").register(registry).increment();
            }
            return;
        }
        Counter.builder("cohort.runs.finished").description("runs finished on this node, by final status")
                .tag("status", notification.runStatus()).register(registry).increment();
        Counter.builder("cohort.rows.sent").description("rows sent by runs finished on this node").register(registry)
                .increment(notification.rowsSent());
        if (notification.errorCode() != null) {
            Counter.builder("cohort.run.errors").description("failed runs by error code (partner errors included)")
                    .tag("code", notification.errorCode()).register(registry).increment();
        }
    }

    /** A finished run's duration, by final status: {@code cohort_run_duration_seconds}. */
    void finished(dev.cohort.model.Run run) {
        run.duration(run.finishedAt() == null ? java.time.Instant.now() : run.finishedAt()).ifPresent(duration ->
                io.micrometer.core.instrument.Timer.builder("cohort.run.duration")
                        .description("how long runs took on this node, from start to end, by final status")
                        .tag("status", run.status().name())
                        .publishPercentileHistogram()
                        .register(registry)
                        .record(duration));
    }

    long waiting() {
        return (long) refreshWaiting();
    }

    private double refreshWaiting() {
        try {
            waiting.set(runs.waitingCount());
        } catch (RuntimeException e) {
            // the last known value stands
        }
        return waiting.get();
    }

    String scrape() {
        return registry.scrape();
    }
}
