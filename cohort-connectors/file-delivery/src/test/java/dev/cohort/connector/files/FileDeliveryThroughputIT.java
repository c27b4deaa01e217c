package dev.cohort.connector.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import dev.cohort.testing.sftp.SftpServerExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Measures the write path with customer-like rows (10 columns, about 100 bytes as CSV): encoding alone,
 * and encoding plus upload to the embedded server on loopback, plain and gzipped. Prints rows/s and MB/s;
 * asserts only that everything arrived. {@code -Dcohort.throughput.rows=1000000} for a longer run.
 */
class FileDeliveryThroughputIT {
    @RegisterExtension
    static final SftpServerExtension SFTP = new SftpServerExtension();
    private static final int ROWS = Integer.getInteger("cohort.throughput.rows", 100_000);
    private static final int BATCH = 1_000;
    private static final List<String> FIELDS = List.of("customer_id", "email", "first_name", "last_name", "phone", "city", "postal_code",
            "country", "loyalty_tier", "lifetime_value");
    private static final List<String[]> SAMPLE = sampleRows(BATCH);

    @Test
    void encodingAlone() {
        CountingStream sink = new CountingStream();
        CsvEncoder encoder = CsvFormat.DEFAULT.encoder(sink);
        long start = System.nanoTime();
        for (int row = 0; row < ROWS; row++) {
            encoder.writeRow(SAMPLE.get(row % BATCH));
        }
        encoder.flush();
        report("encode to memory", ROWS, sink.bytes, System.nanoTime() - start);
        assertThat(sink.bytes).isGreaterThan(ROWS * 80L);
    }

    @Test
    void uploadToTheEmbeddedServer() throws IOException {
        deliver(false);
    }

    @Test
    void gzippedUploadToTheEmbeddedServer() throws IOException {
        deliver(true);
    }

    private static void deliver(boolean gzip) throws IOException {
        WriteContext context = new WriteContext("bench", "bench", "customers", Instant.now(), ZoneOffset.UTC, false, FIELDS);
        FileDeliveryOptions options = FileDeliveryOptions.builder(FileNameTemplate.parse("{object}.csv")).gzip(gzip).build();
        long start = System.nanoTime();
        WriteResult result;
        try (FileDeliveryWriter writer = FileDeliveryWriter.open(TestEndpoints.keyUser(SFTP, "/"), context, options)) {
            for (int first = 1; first <= ROWS; first += BATCH) {
                writer.write(RecordBatch.numberedFrom(first, SAMPLE));
            }
            result = writer.finish();
        }
        long elapsed = System.nanoTime() - start;
        long bytes = result.files().get(0).bytes();
        report(gzip ? "encode + gzip + upload" : "encode + upload", result.rowsSent(), bytes, elapsed);
        assertThat(Files.size(SFTP.userFolder().resolve(result.files().get(0).name()))).isEqualTo(bytes);
    }

    private static void report(String what, long rows, long bytes, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "throughput: %-24s %,d rows, %,.1f MB in %.2f s: %,.0f rows/s, %.1f MB/s%n", what, rows,
                bytes / 1e6, seconds, rows / seconds, bytes / 1e6 / seconds);
    }

    private static List<String[]> sampleRows(int count) {
        List<String[]> rows = new ArrayList<>(count);
        String[] cities = {"Springfield", "Portland", "Berlin", "São Paulo", "Lyon"};
        for (int i = 0; i < count; i++) {
            rows.add(new String[] {"C" + (1_000_000 + i), "customer" + i + "@example.com", "Firstname" + i % 97, "Lastname" + i % 89,
                    "+1555" + (1_000_000 + i), cities[i % cities.length], String.format(Locale.ROOT, "%05d", i * 7 % 99_999), "US",
                    i % 3 == 0 ? "gold" : "silver", Integer.toString(i * 13 % 10_000) + ".50"});
        }
        return rows;
    }

    private static final class CountingStream extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
