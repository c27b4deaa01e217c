package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {
    @Test
    void defaultsToTenMillionRowsInATemporaryDirectory() {
        BenchmarkOptions options = BenchmarkOptions.parse();

        assertThat(options.rows()).isEqualTo(10_000_000);
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.directory()).isEmpty();
        assertThat(options.keep()).isFalse();
        assertThat(options.rounds()).isEqualTo(1);
    }

    @Test
    void readsRowsWrittenWithUnderscoresOrAsAPowerOfTen() {
        assertThat(BenchmarkOptions.parse("--rows", "1_000_000").rows()).isEqualTo(1_000_000);
        assertThat(BenchmarkOptions.parse("--rows", "1e7").rows()).isEqualTo(10_000_000);
    }

    @Test
    void readsEveryOption() {
        BenchmarkOptions options = BenchmarkOptions.parse("--seed", "7", "--dir", "/data/bench", "--keep", "--rounds", "3");

        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.directory()).contains(Path.of("/data/bench"));
        assertThat(options.keep()).isTrue();
        assertThat(options.rounds()).isEqualTo(3);
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--rows", "many"))
                .hasMessage("--rows must be a whole number, got 'many'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--rows"))
                .hasMessage("--rows needs a value");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--rows", "0"))
                .hasMessage("--rows must be at least 1, got 0");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--rounds", "0"))
                .hasMessage("--rounds must be between 1 and 20, got 0");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast"))
                .hasMessage("unknown option --fast");
    }
}
