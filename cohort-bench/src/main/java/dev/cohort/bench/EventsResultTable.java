package dev.cohort.bench;

import dev.cohort.bench.EventsBenchmark.Latency;
import dev.cohort.bench.EventsBenchmark.Phase;
import dev.cohort.bench.EventsBenchmark.StoreResult;
import dev.cohort.bench.EventsBenchmark.Throughput;
import dev.cohort.bench.EventsBenchmarkOptions.Store;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Renders the events benchmark's results as one Markdown table, a column per store, for {@code docs/benchmarks.md}. */
final class EventsResultTable {
    private EventsResultTable() {
    }

    static String markdown(List<StoreResult> results, EventsBenchmarkOptions options) {
        StringBuilder out = new StringBuilder("| |");
        results.forEach(r -> out.append(' ').append(r.store().label()).append(" |"));
        out.append('\n').append("|---|");
        results.forEach(r -> out.append("---:|"));
        out.append('\n');
        row(out, results, String.format(Locale.ROOT, "(1) events (%,d wallets, %d AIR senders)", options.wallets(),
                options.senders()), r -> String.format(Locale.ROOT, "%,d", r.throughput().phase().events()));
        row(out, results, "(1) **accepted** (200 to AIR), events/s", r -> String.format(Locale.ROOT, "%,.0f",
                r.throughput().acceptedPerSecond()));
        row(out, results, "(1) **delivered** end to end (at Braze), events/s", r -> String.format(Locale.ROOT, "%,.0f",
                r.throughput().deliveredPerSecond()));
        row(out, results, "(1) all accepted / all delivered after, s", r -> String.format(Locale.ROOT, "%.1f / %.1f",
                r.throughput().acceptSeconds(), r.throughput().deliverSeconds()));
        row(out, results, "(1) at Braze: received / distinct / duplicates / missing", r -> tally(r.throughput().phase()));
        row(out, results, "(1) Braze requests (events each)", r -> requests(r.throughput().phase()));
        row(out, results, "(1) CPU s: this JVM / PostgreSQL / other processes (cores busy)", r -> cpu(r.store(), r.throughput().phase()));
        row(out, results, "(1) CPU per event, ms (JVM + PostgreSQL)", r -> String.format(Locale.ROOT, "%.2f",
                r.throughput().phase().cpuPerEventMillis(r.store() == Store.POSTGRES)));
        row(out, results, String.format(Locale.ROOT, "(0) baseline, PostgreSQL alone: events/s stored and marked delivered (groups of"
                + " %d, %d connections)", EventsBenchmark.FLOOR_GROUP, EventsBenchmark.FLOOR_CONNECTIONS), r -> r.floor() == null ? "—"
                : String.format(Locale.ROOT, "%,.0f", r.floor().perSecond()));
        row(out, results, "(0) baseline CPU s: PostgreSQL / JDBC client (cores busy)", r -> r.floor() == null ? "—"
                : String.format(Locale.ROOT, "%.1f / %.1f (%.2f)", r.floor().cpu().postgres(), r.floor().cpu().jvm(),
                r.floor().cpu().machine() / r.floor().cpu().wall()));
        row(out, results, "(0) baseline, HTTP alone: notifications/s from AIR's senders to an endpoint that only answers 200",
                r -> r.http() == null ? "—" : String.format(Locale.ROOT, "%,.0f", r.http().perSecond()));
        row(out, results, "(0) baseline CPU s: this JVM (cores busy); ms per notification", r -> r.http() == null ? "—"
                : String.format(Locale.ROOT, "%.1f (%.2f); %.2f", r.http().cpu().jvm(), r.http().cpu().machine() / r.http().cpu().wall(),
                1000 * r.http().cpu().jvm() / r.http().events()));
        row(out, results, String.format(Locale.ROOT, "(2) posts at %,d/s for %d s (achieved/s)", options.rate(),
                options.latencyDuration().toSeconds()), r -> String.format(Locale.ROOT, "%,d (%,.0f)",
                r.latency().posts().posts(), r.latency().posts().perSecond()));
        row(out, results, "(2) **accept latency** p50 / p99 / max, ms", r -> {
            Latency latency = r.latency();
            return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", latency.posts().millis(50), latency.posts().millis(99),
                    latency.posts().maxMillis());
        });
        row(out, results, "(2) post → at Braze p50 / p99, ms", r -> String.format(Locale.ROOT, "%.0f / %.0f",
                r.latency().endToEndMillis(50), r.latency().endToEndMillis(99)));
        row(out, results, "(2) at Braze: received / distinct / duplicates / missing", r -> tally(r.latency().phase()));
        row(out, results, "(2) CPU s: this JVM / PostgreSQL / other processes (cores busy)", r -> cpu(r.store(), r.latency().phase()));
        row(out, results, String.format(Locale.ROOT, "goal: ≥ %,d events/s delivered on PostgreSQL", EventsBenchmark.GOAL_PER_SECOND),
                r -> r.store() != Store.POSTGRES ? "—" : goal(r.throughput()));
        return out.toString();
    }

    private static String goal(Throughput throughput) {
        return throughput.deliveredPerSecond() >= EventsBenchmark.GOAL_PER_SECOND ? "met" : "**not met**";
    }

    private static String tally(Phase phase) {
        BrazeTally tally = phase.tally();
        return String.format(Locale.ROOT, "%,d / %,d / %,d / %,d", tally.received(), tally.distinct(), tally.duplicates(),
                tally.missing(phase.events()));
    }

    private static String requests(Phase phase) {
        return String.format(Locale.ROOT, "%,d (%.1f)", phase.braze().requests(),
                (double) phase.braze().eventsProcessed() / Math.max(1, phase.braze().requests()));
    }

    private static String cpu(Store store, Phase phase) {
        PhaseCpu.Use cpu = phase.cpu();
        boolean postgres = store == Store.POSTGRES;
        return String.format(Locale.ROOT, "%.1f / %s / %.1f (%.2f)", cpu.jvm(), postgres
                ? String.format(Locale.ROOT, "%.1f", cpu.postgres()) : "—", phase.otherCpu(postgres), cpu.machine() / cpu.wall());
    }

    private static void row(StringBuilder out, List<StoreResult> results, String label, Function<StoreResult, String> cell) {
        out.append("| ").append(label).append(" |");
        results.forEach(r -> out.append(' ').append(cell.apply(r)).append(" |"));
        out.append('\n');
    }
}
