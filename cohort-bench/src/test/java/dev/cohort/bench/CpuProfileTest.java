package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.bench.CpuProfile.Part;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuProfileTest {
    @Test
    void aSampleBelongsToTheFirstPartFoundAnywhereInItsStack() {
        List<String> storing = List.of("org.postgresql.core.v3.QueryExecutorImpl", "org.jdbi.v3.core.statement.SqlStatement",
                "dev.cohort.runtime.store.JdbcEventRepository", "dev.cohort.runtime.event.EventIntake",
                "dev.cohort.server.api.EventApi", "io.javalin.router.JavalinServlet", "org.eclipse.jetty.server.Server",
                "java.lang.VirtualThread");

        assertThat(CpuProfile.classify(storing)).isEqualTo(Part.ACCEPT);
        assertThat(CpuProfile.inStoreDriver(storing)).isTrue();
        assertThat(CpuProfile.classify(List.of("jdk.internal.net.http.Http1Exchange", "dev.cohort.runtime.event.EventDispatcher")))
                .isEqualTo(Part.DELIVERY);
        assertThat(CpuProfile.classify(List.of("org.eclipse.jetty.io.ManagedSelector", "java.lang.Thread"))).isEqualTo(Part.JETTY);
        assertThat(CpuProfile.classify(List.of("tools.jackson.core.JsonGenerator", "dev.cohort.sandbox.air.Envelopes")))
                .isEqualTo(Part.AIR);
        assertThat(CpuProfile.classify(List.of("dev.cohort.sandbox.air.LoyaltyProgram", "dev.cohort.bench.EventsBenchmark")))
                .as("AIR's emission, called by the benchmark, is AIR's").isEqualTo(Part.AIR);
        assertThat(CpuProfile.classify(List.of("jdk.internal.net.http.HttpClientImpl", "dev.cohort.bench.PacedPoster")))
                .isEqualTo(Part.BENCH);
        assertThat(CpuProfile.classify(List.of("java.util.HashMap"))).isEqualTo(Part.OTHER);
        assertThat(CpuProfile.inStoreDriver(List.of("jdk.internal.net.http.Http1Exchange"))).isFalse();
    }

    @Test
    void describesEachPartsShareMostFirst() {
        CpuProfile.Profile profile = new CpuProfile.Profile(Map.of(Part.ACCEPT, 30L, Part.AIR, 60L, Part.OTHER, 10L),
                Map.of(Part.ACCEPT, 20L));

        assertThat(profile.describe()).containsExactly(
                "AIR stand-in (emitting, posting notifications): 60%",
                "Cohort accept (/out endpoint: read, store): 30% (of which in the store's driver: 20%)",
                "other Java code: 10%",
                "(100 samples, one per running Java thread every 10 ms)");
    }

    @Test
    void samplesThisJvmsJavaCode() {
        CpuProfile profile = CpuProfile.start();
        long end = System.nanoTime() + 300_000_000L;
        long spin = 0;
        while (System.nanoTime() < end) {
            spin += Long.numberOfTrailingZeros(spin + System.nanoTime());
        }

        CpuProfile.Profile samples = profile.stop();

        assertThat(spin).isPositive();
        assertThat(samples.total()).as("samples of a busy thread over 300 ms").isPositive();
    }
}
