package dev.cohort.bench;

import dev.cohort.sandbox.air.AirNotificationCounts;
import dev.cohort.sandbox.air.SandboxAirServer;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The second baseline of the events benchmark: the HTTP hop alone. The same AIR stand-in, with the same senders,
 * posts the same settlements to an endpoint on the same HTTP server Cohort uses (Javalin on Jetty, virtual threads)
 * that only reads each body and answers 200 — nothing parsed, nothing stored, nothing sent on. Every event delivered
 * end to end crosses this hop once, and a second one like it to Braze, so what this reaches on the machine is a
 * ceiling for the end-to-end figure.
 */
final class HttpFloor {
    private static final String PATH = "/out/braze/http_floor";
    private static final Duration STALL = Duration.ofSeconds(60);

    /** What the baseline measured. */
    record Result(int events, double seconds, PhaseCpu.Use cpu) {
        double perSecond() {
            return events / seconds;
        }

        String describe() {
            return String.format(Locale.ROOT, "(0) HTTP alone: AIR's senders posted %,d notifications to an endpoint that only reads"
                            + " each and answers 200, in %.1f s = %,.0f/s; CPU: this JVM %.1f s, machine %.2f of %.0f cores busy;"
                            + " %.2f ms of CPU per notification", events, seconds, perSecond(), cpu.jvm(), cpu.machine() / cpu.wall(),
                    cpu.cores(), 1000 * cpu.jvm() / events);
        }
    }

    private HttpFloor() {
    }

    /** AIR posts {@code events} settlements of {@code wallets} to a bare endpoint; AIR's connector is left pointing there. */
    static Result measure(SandboxAirServer air, List<String> wallets, int events) {
        LongAdder received = new LongAdder();
        Javalin http = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.addHttpHandler(HandlerType.POST, PATH, ctx -> {
                ctx.bodyAsBytes();
                received.increment();
                ctx.contentType("application/json").result("{\"accepted\":true}");
            });
        });
        http.start();
        try {
            air.connector(URI.create("http://127.0.0.1:" + http.port() + PATH), "floor-key");
            AirNotificationCounts before = air.notificationCounts();
            PhaseCpu cpu = PhaseCpu.start("");
            long start = System.nanoTime();
            try {
                air.emitSettlements(events, wallets);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchmarkException("interrupted while AIR posted the HTTP baseline's notifications", e);
            }
            long last = -1;
            long lastProgress = System.nanoTime();
            while (air.notificationCounts().delivered() - before.delivered() < events) {
                long now = air.notificationCounts().delivered();
                if (now != last) {
                    last = now;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                    throw new BenchmarkException(String.format(Locale.ROOT, "the HTTP baseline stalled: %,d of %,d notifications"
                            + " answered", now - before.delivered(), events));
                }
                LockSupport.parkNanos(2_000_000);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(events, seconds, cpu.stop());
        } finally {
            http.stop();
        }
    }
}
