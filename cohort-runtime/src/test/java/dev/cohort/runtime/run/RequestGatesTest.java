package dev.cohort.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.destination.RateLimit;
import dev.cohort.spi.destination.RequestPermits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestGatesTest {
    @Test
    void permitsArePacedEvenlyJustBelowTheDeclaredRate() {
        assertThat(RequestGates.interval(RateLimit.perSecond(100))).isEqualTo(Duration.ofNanos(10_204_081));
        assertThat(RequestGates.interval(new RateLimit(5, Duration.ofMinutes(1)))).isEqualTo(Duration.ofNanos(12_244_897_959L));
    }

    @Test
    void runsWithOneCredentialShareOneGateAndOtherCredentialsHaveTheirOwn() {
        RequestGates gates = new RequestGates();
        RateLimit limit = RateLimit.perSecond(100);

        assertThat(gates.permits(limit, "insider-one|credential:a")).isSameAs(gates.permits(limit, "insider-one|credential:a"));
        assertThat(gates.permits(limit, "insider-one|credential:a")).isNotSameAs(gates.permits(limit, "insider-one|credential:b"));
        assertThat(gates.permits(null, "sftp|credential:a")).isSameAs(RequestPermits.UNLIMITED);
    }

    @Test
    void noBurstGetsThroughFasterThanThePace() throws InterruptedException {
        RequestPermits permits = new RequestGates().permits(RateLimit.perSecond(200), "k");
        long start = System.nanoTime();
        for (int i = 0; i < 22; i++) {
            permits.acquire();
        }
        // 22 permits at 200/s with 2% headroom: the first two at once (the burst), then 20 intervals of ~5.1 ms.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
}
