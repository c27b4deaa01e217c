package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InsiderBenchmarkOptionsTest {
    @Test
    void defaultsToTwentyThousandRequestsAtTheInsiderLimit() {
        InsiderBenchmarkOptions options = InsiderBenchmarkOptions.parse();

        assertThat(options).isEqualTo(new InsiderBenchmarkOptions(20_000, 100, 64, 200, 0, false));
    }

    @Test
    void theBurstIsTwiceTheRateUnlessGiven() {
        assertThat(InsiderBenchmarkOptions.parse("--rate", "30").burst()).isEqualTo(60);
        assertThat(InsiderBenchmarkOptions.parse("--rate", "30", "--burst", "500").burst()).isEqualTo(500);
    }

    @Test
    void readsEveryOption() {
        InsiderBenchmarkOptions options = InsiderBenchmarkOptions.parse("--requests", "2e3", "--rate", "50", "--clients", "8",
                "--warmup", "100", "--help");

        assertThat(options).isEqualTo(new InsiderBenchmarkOptions(2_000, 50, 8, 100, 100, true));
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> InsiderBenchmarkOptions.parse("--requests", "0"))
                .hasMessage("--requests must be between 1 and 10000000, got 0");
        assertThatThrownBy(() -> InsiderBenchmarkOptions.parse("--warmup", "-1"))
                .hasMessage("--warmup must be between 0 and 10000000, got -1");
        assertThatThrownBy(() -> InsiderBenchmarkOptions.parse("--clients", "20000"))
                .hasMessage("--clients must be at most 10000, got 20000");
        assertThatThrownBy(() -> InsiderBenchmarkOptions.parse("--rows", "5"))
                .hasMessage("unknown option --rows for the insider benchmark");
    }
}
