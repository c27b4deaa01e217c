package dev.cohort.runtime.run;

import dev.cohort.engine.Engine;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.destination.CsvEncoding;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.EncodedRowsSink;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fast path for a delivery with nothing left for Java to do: the engine's own CSV writer writes
 * the rows into a named pipe on one thread while the destination reads that pipe on this one, so the
 * query, the encoding and the upload overlap and no value becomes a Java string. Used when the data
 * template runs entirely in SQL and the writer can take its rows encoded exactly as the engine writes them.
 */
final class EncodedPipeline {
    static final ErrorCode PIPE_FAILED = ErrorCode.internal("PIPE_FAILED");
    /** {@code -Dcohort.encodedRows=false} sends every row through Java instead. */
    static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("cohort.encodedRows"));
    private static final int BUFFER = 1 << 16;

    private final Engine engine;
    private final RowPipeline.Progress progress;

    EncodedPipeline(Engine engine, RowPipeline.Progress progress) {
        this.engine = engine;
        this.progress = progress;
    }

    /** The encoding to use for {@code delivery} into {@code writer}, when the fast path applies. */
    static Optional<CsvEncoding> encoding(Engine engine, Delivery delivery, DestinationWriter writer) {
        if (!ENABLED || delivery.evaluator() != null || !(writer instanceof EncodedRowsSink sink)) {
            return Optional.empty();
        }
        return sink.encoding().filter(engine::canExportCsv);
    }

    /** Delivers every row of {@code delivery}; the caller finishes or aborts the writer. */
    void run(Delivery delivery, EncodedRowsSink sink, CsvEncoding encoding) throws InterruptedException {
        Path folder;
        Path pipe;
        try {
            folder = Files.createTempDirectory("cohort-rows-");
            pipe = folder.resolve("rows.csv");
            Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", pipe.toString()).redirectErrorStream(true).start();
            if (mkfifo.waitFor() != 0) {
                throw new CohortException(PIPE_FAILED, "could not make a named pipe in " + folder + ": "
                        + new String(mkfifo.getInputStream().readAllBytes()).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a named pipe for the engine's rows", e);
        }
        AtomicLong rows = new AtomicLong();
        AtomicReference<RuntimeException> engineFailure = new AtomicReference<>();
        CountDownLatch readerOpened = new CountDownLatch(1);
        Thread engineWriter = Thread.ofVirtual().name("cohort-export-" + delivery.objectName()).start(() -> {
            try {
                rows.set(engine.exportCsv(delivery.sql(), encoding, pipe));
            } catch (RuntimeException e) {
                engineFailure.set(e);
            } finally {
                releaseReader(pipe, readerOpened);
            }
        });
        try (InputStream lines = new Counting(Files.newInputStream(pipe))) {
            readerOpened.countDown();
            try {
                sink.writeEncoded(lines, () -> rowsWhenDone(engineWriter, rows, engineFailure));
            } catch (RuntimeException e) {
                lines.transferTo(java.io.OutputStream.nullOutputStream());
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the engine's rows failed", e);
        } finally {
            readerOpened.countDown();
            engineWriter.join();
            deleteQuietly(pipe, folder);
        }
        if (engineFailure.get() != null) {
            throw engineFailure.get();
        }
        progress.rowsRead.set(rows.get());
        progress.rowsSent.set(rows.get());
    }

    /**
     * The number of rows the engine wrote, once it has finished: the end of the pipe can arrive a moment
     * before the engine's call returns with the count. An engine failure surfaces here too, so a writer
     * never publishes what a failed query left half-written.
     */
    private static long rowsWhenDone(Thread engineWriter, AtomicLong rows, AtomicReference<RuntimeException> failure) {
        try {
            engineWriter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return rows.get();
    }

    /**
     * Makes sure the reader is never left waiting to open the pipe (if the engine failed before opening
     * it): opening read-write never blocks on Linux and counts as a writer until it is closed.
     */
    private static void releaseReader(Path pipe, CountDownLatch readerOpened) {
        try (RandomAccessFile writer = new RandomAccessFile(pipe.toFile(), "rw")) {
            readerOpened.await();
        } catch (IOException e) {
            // the pipe is gone: the reader has finished
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path pipe, Path folder) {
        try {
            Files.deleteIfExists(pipe);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a leftover empty temporary folder is harmless
        }
    }

    /** Counts bytes for progress and checks for cancellation as they stream. */
    private final class Counting extends FilterInputStream {
        private long bytes;

        Counting(InputStream in) {
            super(new java.io.BufferedInputStream(in, BUFFER));
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                bytes += n;
                progress.checkCancelled();
                progress.report(bytes);
            }
            return n;
        }
    }
}
