package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.bench.EventsBenchmarkOptions.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventsBenchmarkOptionsTest {
    @Test
    void defaultsToTwentyThousandEventsOnBothStores() {
        EventsBenchmarkOptions options = EventsBenchmarkOptions.parse();

        assertThat(options.events()).isEqualTo(20_000);
        assertThat(options.wallets()).isEqualTo(2_000);
        assertThat(options.senders()).isEqualTo(16);
        assertThat(options.stores()).containsExactly(Store.SQLITE, Store.POSTGRES);
        assertThat(options.rate()).isEqualTo(1_000);
        assertThat(options.latencyDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.warmup()).isEqualTo(20_000);
        assertThat(options.postgresUrl()).startsWith("jdbc:postgresql://");
        assertThat(options.directory()).isEmpty();
        assertThat(options.keep()).isFalse();
    }

    @Test
    void readsEveryOption() {
        EventsBenchmarkOptions options = EventsBenchmarkOptions.parse("--events", "1e5", "--wallets", "500", "--senders", "32",
                "--store", "postgres", "--rate", "2_000", "--latency-seconds", "5", "--warmup", "0", "--pg-url",
                "jdbc:postgresql://db:5433/admin?user=bench", "--dir", "/data/bench", "--keep");

        assertThat(options).isEqualTo(new EventsBenchmarkOptions(100_000, 500, 32, List.of(Store.POSTGRES), 2_000,
                Duration.ofSeconds(5), 0, "jdbc:postgresql://db:5433/admin?user=bench", Optional.of(Path.of("/data/bench")), true,
                false));
        assertThat(EventsBenchmarkOptions.parse("--store", "SQLite").stores()).containsExactly(Store.SQLITE);
        assertThat(EventsBenchmarkOptions.parse("--store", "both").stores()).containsExactly(Store.SQLITE, Store.POSTGRES);
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> EventsBenchmarkOptions.parse("--events", "0"))
                .hasMessage("--events must be between 1 and 10000000, got 0");
        assertThatThrownBy(() -> EventsBenchmarkOptions.parse("--store", "mysql"))
                .hasMessage("--store must be sqlite, postgres or both, got 'mysql'");
        assertThatThrownBy(() -> EventsBenchmarkOptions.parse("--pg-url", "jdbc:mysql://db/x"))
                .hasMessageStartingWith("--pg-url must be a PostgreSQL JDBC URL such as jdbc:postgresql://");
        assertThatThrownBy(() -> EventsBenchmarkOptions.parse("--rows", "5"))
                .hasMessage("unknown option --rows for the events benchmark");
        assertThatThrownBy(() -> EventsBenchmarkOptions.parse("--senders"))
                .hasMessage("--senders needs a value");
    }

    @Test
    void refusesMoreEventsPerWalletThanBrazeKeepsPerUser() {
        assertThatThrownBy(() -> EventsBenchmarkOptions.parse("--events", "20000", "--wallets", "10"))
                .hasMessage("20,000 events over 10 wallets is more than 1,000 per wallet, the most the Braze stand-in keeps per"
                        + " user to check one by one: give at least --wallets 20");
        assertThat(EventsBenchmarkOptions.parse("--events", "20000", "--wallets", "20").wallets()).isEqualTo(20);
    }
}
