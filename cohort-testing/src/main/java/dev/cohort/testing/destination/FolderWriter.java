package dev.cohort.testing.destination;

import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.ErrorKind;
import dev.cohort.spi.destination.DeliveredFile;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.PartnerWait;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.RowRejection;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes rows as simple comma-separated lines to {@code <folder>/<object>.csv}, under a temporary name
 * until {@link #finish}: the smallest honest file destination, for tests of the runtime.
 */
final class FolderWriter implements DestinationWriter, dev.cohort.spi.destination.EncodedRowsSink {
    static final ErrorCode INJECTED = new ErrorCode("TEST_INJECTED_FAILURE", ErrorKind.EXTERNAL_TRANSIENT);
    private final FolderConfig config;
    private final WriteContext context;
    private final Path target;
    private final Path temporary;
    private final BufferedWriter out;
    private long rows;
    private boolean done;

    FolderWriter(FolderConfig config, WriteContext context) {
        this.context = context;
        this.config = config;
        this.target = config.folder().resolve(context.objectName() + ".csv");
        this.temporary = config.folder().resolve("." + context.objectName() + ".csv." + context.runId() + ".tmp");
        try {
            Files.createDirectories(config.folder());
            out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
            out.write(String.join(",", context.fields()));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<RowRejection> write(RecordBatch batch) {
        List<RowRejection> rejected = new ArrayList<>();
        try {
            for (int i = 0; i < batch.size(); i++) {
                long number = batch.rowNumber(i);
                if (config.failOn() > 0 && number == config.failOn()) {
                    throw new PartnerException(INJECTED, "injected failure at row " + number);
                }
                String[] row = batch.rows().get(i);
                if (!config.reject().isEmpty() && row.length > 0 && row[0] != null && row[0].contains(config.reject())) {
                    rejected.add(new RowRejection(number, "field 1: contains '" + config.reject() + "'"));
                    continue;
                }
                for (int field = 0; field < row.length; field++) {
                    if (field > 0) {
                        out.write(',');
                    }
                    out.write(row[field] == null ? "" : row[field]);
                }
                out.write('\n');
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rejected;
    }

    @Override
    public java.util.Optional<dev.cohort.spi.destination.CsvEncoding> encoding() {
        return config.encoded() && config.reject().isEmpty() && config.failOn() == 0
                ? java.util.Optional.of(dev.cohort.spi.destination.CsvEncoding.RFC_4180) : java.util.Optional.empty();
    }

    @Override
    public void writeEncoded(java.io.InputStream lines, java.util.function.LongSupplier count) {
        try {
            out.flush();
            try (java.io.OutputStream file = Files.newOutputStream(temporary, java.nio.file.StandardOpenOption.APPEND)) {
                lines.transferTo(file);
            }
            rows = count.getAsLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public WriteResult finish() {
        try {
            out.close();
            if (config.delayMillis() > 0) {
                slowPartner(config.delayMillis());
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
            if (config.ledger()) {
                Files.writeString(config.folder().resolve("ledger.txt"), context.runId() + " " + context.objectName() + "\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
            byte[] bytes = Files.readAllBytes(target);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            List<DeliveredFile> files = List.of(new DeliveredFile(target.getFileName().toString(),
                    "file://" + config.folder(), bytes.length, sha256, rows));
            if (config.partnerTimeoutMillis() > 0) {
                return new WriteResult(rows, files, handToPartner());
            }
            return new WriteResult(rows, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lends the file (when the run has a file host) and records where the test partner reports and fetches. */
    private PartnerWait handToPartner() throws IOException {
        String fileUrl = "-";
        if (context.fileHost().isPresent()) {
            Path copy = Files.createTempFile("cohort-test-partner", ".csv");
            Files.copy(target, copy, StandardCopyOption.REPLACE_EXISTING);
            fileUrl = context.fileHost().get().lend(copy, context.objectName() + ".csv").url().toString();
        }
        String callback = context.callbackUrl().map(Object::toString).orElse("-");
        Files.writeString(config.folder().resolve("callbacks.txt"), context.runId() + " " + callback + " " + fileUrl + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return new PartnerWait(java.time.Duration.ofMillis(config.partnerTimeoutMillis()),
                "test partner processing " + context.objectName());
    }

    /** Takes as long as a slow partner would; a cancelled run (interrupt) stops waiting and publishes nothing. */
    private static void slowPartner(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.cohort.spi.CohortException(dev.cohort.spi.ErrorCode.internal("INTERRUPTED"), "interrupted while publishing");
        }
    }

    @Override
    public void abort() {
        try {
            out.close();
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // best effort: a test looks at the folder
        }
    }

    @Override
    public void close() {
        if (!done) {
            abort();
        }
    }
}
