package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarehouseBenchmarkOptionsTest {
    @Test
    void defaultsToAMillionRowsInATemporaryDirectory() {
        WarehouseBenchmarkOptions options = WarehouseBenchmarkOptions.parse();

        assertThat(options.rows()).isEqualTo(1_000_000);
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.postgresUrl()).startsWith("jdbc:postgresql://");
        assertThat(options.directory()).isEmpty();
        assertThat(options.keep()).isFalse();
    }

    @Test
    void readsEveryOption() {
        WarehouseBenchmarkOptions options = WarehouseBenchmarkOptions.parse("--rows", "1e5", "--seed", "7", "--pg-url",
                "jdbc:postgresql://db:5433/admin?user=bench", "--dir", "/data/bench", "--keep");

        assertThat(options).isEqualTo(new WarehouseBenchmarkOptions(100_000, 7, "jdbc:postgresql://db:5433/admin?user=bench",
                Optional.of(Path.of("/data/bench")), true, false));
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> WarehouseBenchmarkOptions.parse("--rows", "0"))
                .hasMessage("--rows must be at least 1, got 0");
        assertThatThrownBy(() -> WarehouseBenchmarkOptions.parse("--pg-url", "jdbc:mysql://db/x"))
                .hasMessageStartingWith("--pg-url must be a PostgreSQL JDBC URL such as jdbc:postgresql://");
        assertThatThrownBy(() -> WarehouseBenchmarkOptions.parse("--runs", "5"))
                .hasMessage("unknown option --runs for the warehouse benchmark");
    }
}
