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

    /**
     * Event connectors' counts as gauges per connector (from the store: the same on every node), refreshed at each
     * scrape; new connectors get their gauges when they first appear.
     */
    void watchEvents(dev.cohort.runtime.event.EventConnectors connectors, dev.cohort.runtime.store.EventRepository events,
                     java.time.Clock clock) {
        this.eventConnectors = connectors;
        this.events = events;
        this.clock = clock;
    }

    /** A delivered event's time from acceptance to delivery, on this node: {@code cohort_event_delivery_latency_seconds}. */
    void eventDelivered(String connector, java.time.Duration latency) {
        io.micrometer.core.instrument.Timer.builder("cohort.event.delivery.latency")
                .description("time from an event's acceptance to its delivery, events delivered on this node")
                .tag("connector", connector)
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(latency);
    }

    private dev.cohort.runtime.event.EventConnectors eventConnectors;
    private dev.cohort.runtime.store.EventRepository events;
    private java.time.Clock clock;
    private final java.util.Map<String, dev.cohort.runtime.store.EventRepository.ConnectorCounts> eventCounts =
            new java.util.concurrent.ConcurrentHashMap<>();

    private void refreshEvents() {
        if (eventConnectors == null) {
            return;
        }
        for (var binding : eventConnectors.all()) {
            String name = binding.definition().name();
            try {
                eventCounts.put(name, events.counts(name, 0));
            } catch (RuntimeException e) {
                continue;
            }
            if (registry.find("cohort.event.connector.events").tag("connector", name).gauge() == null) {
                for (String state : java.util.List.of("received", "delivered", "ignored", "dead_lettered", "pending")) {
                    Gauge.builder("cohort.event.connector.events", eventCounts, m -> count(m.get(name), state))
                            .description("an event connector's events by state (received counts every accepted event)")
                            .tags("connector", name, "state", state).register(registry);
                }
                Gauge.builder("cohort.event.connector.retries", eventCounts, m -> count(m.get(name), "retried"))
                        .description("delivery attempts beyond the first, over an event connector's events")
                        .tag("connector", name).register(registry);
                Gauge.builder("cohort.event.connector.lag.seconds", eventCounts, m -> {
                    var counts = m.get(name);
                    return counts == null || counts.oldestPendingAt() == null ? 0
                            : Math.max(0, java.time.Duration.between(counts.oldestPendingAt(), clock.instant()).toMillis() / 1000.0);
                }).description("age of an event connector's oldest undelivered event").tag("connector", name).register(registry);
            }
        }
    }

    private static double count(dev.cohort.runtime.store.EventRepository.ConnectorCounts counts, String state) {
        if (counts == null) {
            return 0;
        }
        return switch (state) {
            case "received" -> counts.received();
            case "delivered" -> counts.delivered();
            case "ignored" -> counts.ignored();
            case "dead_lettered" -> counts.dead();
            case "pending" -> counts.pending();
            case "retried" -> counts.retried();
            default -> 0;
        };
    }

    String scrape() {
        refreshEvents();
        return registry.scrape();
    }
}
