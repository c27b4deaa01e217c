package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {
    @Test
    void groupsAPoolsThreadsUnderOneName() {
        assertThat(ThreadCpu.group("GC Thread#1")).isEqualTo("GC Thread");
        assertThat(ThreadCpu.group("ForkJoinPool-1-")).isEqualTo("ForkJoinPool");
        assertThat(ThreadCpu.group("sshd-SshServer[")).isEqualTo("sshd-SshServer");
        assertThat(ThreadCpu.group("C2 CompilerThre")).isEqualTo("C2 CompilerThre");
        assertThat(ThreadCpu.group("java")).isEqualTo("unnamed (DuckDB)");
    }

    @Test
    void readsUserAndSystemTicksOfAStatLineWhoseNameHoldsParentheses() {
        String line = "4242 (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 31 0 0 20 0 12 0 123 0 0";

        assertThat(ThreadCpu.name(line)).isEqualTo("odd) name");
        assertThat(ThreadCpu.ticks(line)).hasValue(281);
        assertThat(ThreadCpu.ticks("not a stat line")).isEmpty();
    }

    @Test
    void describesTheTotalAndTheLargestGroups() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("main thread", 4.2);
        cpu.put("GC Thread", 0.3);
        cpu.put("VM Thread", 0.01);

        assertThat(ThreadCpu.describe(cpu)).isEqualTo("4.5 s CPU: main thread 4.2 s, GC Thread 0.3 s");
    }

    @Test
    void findsWhereThisThreadSpentItsTime() {
        long self = ThreadCpu.currentThreadId();
        assumeTrue(self != -1, "needs Linux's /proc");
        ThreadCpu cpu = ThreadCpu.start(self);
        long spin = System.nanoTime() + 50_000_000;
        while (System.nanoTime() < spin) {
            Thread.onSpinWait();
        }

        assertThat(cpu.stop()).containsKey("main thread");
    }
}
