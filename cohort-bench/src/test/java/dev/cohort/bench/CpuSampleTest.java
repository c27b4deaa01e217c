package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuSampleTest {
    @Test
    void readsBusyAndTotalTicksOfAllCores() {
        long[] ticks = CpuSample.machineTicks("cpu  100 5 20 300 7 1 2 3 0 0");

        assertThat(ticks).containsExactly(131, 438);
    }

    @Test
    void readsAProcessesNameAndTicks() {
        String stat = "2186 (postgres) S 1 2186 2186 0 -1 4194560 5000 90000 0 12 40 25 300 150 20 0 1 0 1041 228000000";

        assertThat(CpuSample.ProcStat.parse(stat)).hasValue(new CpuSample.ProcStat("postgres", 65));
    }

    @Test
    void countsPostgresProcessesOfTheBenchmarksDatabaseAndTheSharedOnes() {
        String ours = "cohort_bench_0a1b2c3d4e5f";

        assertThat(CpuSample.worksFor("postgres: 15/main: postgres " + ours + " 127.0.0.1(38532) idle", ours)).isTrue();
        assertThat(CpuSample.worksFor("postgres: 15/main: postgres cohort_test_99 127.0.0.1(38533) idle", ours)).isFalse();
        assertThat(CpuSample.worksFor("postgres: bench " + ours + " [local] SELECT", ours)).isTrue();
        assertThat(CpuSample.worksFor("postgres: bench other ::1(5432) idle", ours)).isFalse();
        assertThat(CpuSample.worksFor("postgres: 15/main: autovacuum worker " + ours, ours)).isTrue();
        assertThat(CpuSample.worksFor("postgres: 15/main: autovacuum worker cohort_test_99", ours)).isFalse();
        assertThat(CpuSample.worksFor("postgres: 15/main: walwriter", ours)).isTrue();
        assertThat(CpuSample.worksFor("postgres: 15/main: logical replication launcher", ours)).isTrue();
        assertThat(CpuSample.worksFor("/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main", ours)).isTrue();
    }

    @Test
    void tellsWhatEachPartUsedBetweenTwoSamples() {
        CpuSample before = new CpuSample(0, Map.of("a", 100L), 50, 10, 1000, 2000);
        CpuSample after = new CpuSample(2_000_000_000L, Map.of("a", 250L), 80, 30, 1380, 2400);

        CpuSample.CpuUse use = before.until(after);

        assertThat(use.wall()).isEqualTo(2.0);
        assertThat(use.nodes()).containsEntry("a", 1.5);
        assertThat(use.bench()).isEqualTo(0.3);
        assertThat(use.postgres()).isEqualTo(0.2);
        assertThat(use.machine()).isEqualTo(3.8);
        assertThat(use.cores()).isEqualTo(2.0);
        assertThat(use.others()).isCloseTo(1.8, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void samplesThisMachine() {
        CpuSample sample = CpuSample.take(java.util.List.of(), "cohort_bench_none");

        assertThat(sample.bench()).isPositive();
        assertThat(sample.machineTotal()).isGreaterThanOrEqualTo(sample.machineBusy()).isPositive();
    }
}
