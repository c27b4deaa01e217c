package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.bench.Benchmarks.Choice;
import dev.cohort.bench.Benchmarks.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarksTest {
    @Test
    void runsTheLoadBenchmarkWhenNoneIsNamed() {
        assertThat(Benchmarks.choose()).isEqualTo(new Choice(Kind.LOAD, List.of()));
        assertThat(Benchmarks.choose("--rows", "1e6")).isEqualTo(new Choice(Kind.LOAD, List.of("--rows", "1e6")));
    }

    @Test
    void takesTheBenchmarkFromTheFirstArgument() {
        assertThat(Benchmarks.choose("orchestration", "--rows", "1e6", "--keep"))
                .isEqualTo(new Choice(Kind.ORCHESTRATION, List.of("--rows", "1e6", "--keep")));
        assertThat(Benchmarks.choose("load")).isEqualTo(new Choice(Kind.LOAD, List.of()));
        assertThat(Benchmarks.choose("server", "--runs", "200")).isEqualTo(new Choice(Kind.SERVER, List.of("--runs", "200")));
        assertThat(Benchmarks.choose("insider", "--rate", "50")).isEqualTo(new Choice(Kind.INSIDER, List.of("--rate", "50")));
        assertThat(Benchmarks.choose("warehouse")).isEqualTo(new Choice(Kind.WAREHOUSE, List.of()));
        assertThat(Benchmarks.choose("events", "--store", "postgres"))
                .isEqualTo(new Choice(Kind.EVENTS, List.of("--store", "postgres")));
    }

    @Test
    void namesTheBenchmarksWhenTheNameIsWrong() {
        assertThatThrownBy(() -> Benchmarks.choose("orchestrate", "--rows", "5"))
                .hasMessage("unknown benchmark 'orchestrate': choose load, orchestration, server, insider, warehouse or events");
    }
}
