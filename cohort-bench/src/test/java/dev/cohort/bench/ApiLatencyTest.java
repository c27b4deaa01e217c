package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ApiLatencyTest {
    @Test
    void takesTheNearestRankPercentile() {
        long[] hundred = LongStream.rangeClosed(1, 100).toArray();

        assertThat(ApiLatency.percentile(hundred, 50)).isEqualTo(50);
        assertThat(ApiLatency.percentile(hundred, 99)).isEqualTo(99);
        assertThat(ApiLatency.percentile(hundred, 100)).isEqualTo(100);
        assertThat(ApiLatency.percentile(new long[] {7}, 99)).isEqualTo(7);
        assertThat(ApiLatency.percentile(new long[] {1, 2, 3}, 0)).isEqualTo(1);
    }
}
