package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresLoginTest {
    @Test
    void splitsAUrlIntoWhatPsqlAndTheDestinationNeed() {
        PostgresLogin login = PostgresLogin.of("jdbc:postgresql://127.0.0.1:5432/cohort_bench_1a2b?user=postgres");

        assertThat(login).isEqualTo(new PostgresLogin("127.0.0.1", 5432, "cohort_bench_1a2b", "postgres", Optional.empty()));
        assertThat(login.destinationUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/cohort_bench_1a2b");
    }

    @Test
    void keepsThePasswordOutOfTheDestinationUrlAndItsDescription() {
        PostgresLogin login = PostgresLogin.of("jdbc:postgresql://db.example:5433/bench?user=loader&password=s3cret");

        assertThat(login.password()).contains("s3cret");
        assertThat(login.destinationUrl()).isEqualTo("jdbc:postgresql://db.example:5433/bench");
        assertThat(login.toString()).isEqualTo("loader@db.example:5433/bench (with a password)").doesNotContain("s3cret");
    }

    @Test
    void refusesAUrlWithoutADatabase() {
        assertThatThrownBy(() -> PostgresLogin.of("jdbc:postgresql://db.example:5432/?password=s3cret"))
                .isInstanceOf(BenchmarkException.class)
                .hasMessageContaining("is not one PostgreSQL's driver understands")
                .hasMessageNotContaining("s3cret");
    }
}
