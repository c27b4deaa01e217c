package dev.cohort.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/**
 * The rate-limit benchmark's own plumbing at a tiny size (not timed): a warm-up, the gated requests and the
 * burst all reach the Insider stand-in, every accepted upload makes it download the file and call back, and
 * the report has both rows.
 */
class InsiderBenchmarkIT {
    @Test
    void sendsThroughTheGateThenABurstAndReportsBoth() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        InsiderBenchmark.run(InsiderBenchmarkOptions.parse("--requests", "30", "--rate", "20", "--clients", "4", "--burst", "10",
                "--warmup", "5"), new PrintStream(output, true, UTF_8));

        String printed = output.toString(UTF_8);
        assertThat(printed).contains(
                "gate: RequestGates.shared().permits(RateLimit.perSecond(20), \"insider-one|credential:bench\")",
                "warm-up (another account, its own gate, not measured): 5 requests in ",
                "(1) through the runtime's gate: 30 requests in ",
                "(2) baseline: no gate, one burst: 10 requests in ",
                "| (1) through the runtime's gate | 4 | 30 | ",
                "| (2) baseline: no gate, one burst | 4 | 10 | ",
                "achieved rate through the gate: ",
                "429 answers through the gate: ",
                "baseline without the gate: ");
        // every request is answered 202 or 429 (however the timing falls): no other answers in either row
        assertThat(printed).containsPattern("\\| 0 \\|\\n\\| \\(2\\) baseline").containsPattern("\\(2\\) baseline[^\\n]*\\| 0 \\|\\n");
        // each accepted upload makes the stand-in download the file once and call back once
        assertThat(printed).containsPattern("the stand-in's work: (\\d+) accepted uploads, \\1 segment file downloads, \\1 callbacks"
                + " received\\n");
    }
}
