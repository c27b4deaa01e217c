package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerBenchmarkOptionsTest {
    @Test
    void defaultsToAThousandRunsFourWorkersAndFiftyClients() {
        ServerBenchmarkOptions options = ServerBenchmarkOptions.parse();

        assertThat(options.runs()).isEqualTo(1000);
        assertThat(options.workers()).isEqualTo(4);
        assertThat(options.clients()).isEqualTo(50);
        assertThat(options.warmupRuns()).isEqualTo(100);
        assertThat(options.orchestrations()).isEqualTo(50);
        assertThat(options.destinations()).isEqualTo(10);
        assertThat(options.perDestination()).isEqualTo(2);
        assertThat(options.rowsPerRun()).isEqualTo(40);
        assertThat(options.partnerLatency()).isZero();
        assertThat(options.latency()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.latencyWarmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.cohortClasspath()).isEmpty();
        assertThat(options.directory()).isEmpty();
    }

    @Test
    void readsEveryOption() {
        ServerBenchmarkOptions options = ServerBenchmarkOptions.parse("--runs", "2_000", "--workers", "8", "--clients", "10",
                "--warmup-runs", "0", "--orchestrations", "20", "--destinations", "5", "--per-destination", "3",
                "--rows", "12", "--partner-latency-ms", "50", "--latency-seconds", "4", "--pg-url", "jdbc:postgresql://db:5432/postgres?user=bench",
                "--cohort-classpath", "/opt/cohort/lib/*", "--dir", "/tmp/bench", "--keep");

        assertThat(options).isEqualTo(new ServerBenchmarkOptions(2000, 0, 8, 3, 20, 5, 12, Duration.ofMillis(50), 10, Duration.ofSeconds(4),
                Duration.ofSeconds(2), "jdbc:postgresql://db:5432/postgres?user=bench", Optional.of("/opt/cohort/lib/*"),
                Optional.of(Path.of("/tmp/bench")), true, false));
    }

    @Test
    void refusesWhatCannotBeMeasured() {
        assertThatThrownBy(() -> ServerBenchmarkOptions.parse("--runs", "0"))
                .hasMessage("--runs must be between 1 and 1000000, got 0");
        assertThatThrownBy(() -> ServerBenchmarkOptions.parse("--destinations", "60"))
                .hasMessageContaining("--destinations (60) cannot be more than --orchestrations (50)");
        assertThatThrownBy(() -> ServerBenchmarkOptions.parse("--partner-latency-ms", "-1"))
                .hasMessage("--partner-latency-ms must be between 0 and 1000000, got -1");
        assertThatThrownBy(() -> ServerBenchmarkOptions.parse("--partner-latency-ms", "60001"))
                .hasMessage("--partner-latency-ms must be at most 60000 (a minute per request), got 60001");
        assertThatThrownBy(() -> ServerBenchmarkOptions.parse("--pg-url", "jdbc:sqlite:x.db"))
                .hasMessageContaining("--pg-url must be a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> ServerBenchmarkOptions.parse("--seed", "7"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown option --seed for the server benchmark");
        assertThatThrownBy(() -> ServerBenchmarkOptions.parse("--clients"))
                .hasMessage("--clients needs a value");
    }
}
