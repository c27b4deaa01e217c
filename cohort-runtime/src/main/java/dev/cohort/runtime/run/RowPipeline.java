package dev.cohort.runtime.run;

import dev.cohort.engine.Engine;
import dev.cohort.engine.RowCursor;
import dev.cohort.runtime.template.Rejection;
import dev.cohort.runtime.template.TemplateEvaluator;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.RowRejection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moves one delivery's rows from the engine to a writer. This thread reads the cursor and applies the
 * transforms SQL could not; a second thread writes batches, so reading and sending overlap. A bounded
 * queue between them keeps memory flat: when the partner is slow, reading waits.
 */
final class RowPipeline {
    static final int BATCH_ROWS = 2_000;
    private static final int QUEUED_BATCHES = 4;
    private static final RecordBatch END = new RecordBatch(new long[0], List.of());

    private final Engine engine;
    private final RejectionSample rejections;
    private final Progress progress;

    RowPipeline(Engine engine, RejectionSample rejections, Progress progress) {
        this.engine = engine;
        this.rejections = rejections;
        this.progress = progress;
    }

    /** Writes every row of {@code delivery}; the caller finishes or aborts the writer. */
    void run(Delivery delivery, DestinationWriter writer) throws InterruptedException {
        BlockingQueue<RecordBatch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        AtomicReference<RuntimeException> writeFailure = new AtomicReference<>();
        Thread sender = Thread.ofVirtual().name("cohort-send-" + delivery.objectName()).start(() -> send(queue, writer, writeFailure));
        boolean readAll = false;
        try {
            read(delivery, queue, writeFailure, writer);
            readAll = true;
        } finally {
            if (!readAll && sender.isAlive()) {
                queue.clear();
                queue.put(END);
            }
            sender.join();
        }
        if (writeFailure.get() != null) {
            throw writeFailure.get();
        }
    }

    private void read(Delivery delivery, BlockingQueue<RecordBatch> queue, AtomicReference<RuntimeException> writeFailure,
                      DestinationWriter writer) throws InterruptedException {
        int width = delivery.fields().size();
        TemplateEvaluator evaluator = delivery.evaluator() == null ? null : delivery.evaluator().get();
        try (RowCursor cursor = engine.open(delivery.sql())) {
            List<String[]> rows = new ArrayList<>(BATCH_ROWS);
            long[] numbers = new long[BATCH_ROWS];
            long rowNumber = 0;
            while (cursor.next()) {
                rowNumber++;
                progress.rowsRead.incrementAndGet();
                String[] out = new String[width];
                if (evaluator != null) {
                    Rejection rejection = evaluator.evaluate(cursor::value, out);
                    if (rejection != null) {
                        rejections.add(rowNumber, rejection.toString());
                        continue;
                    }
                } else {
                    for (int i = 0; i < width; i++) {
                        out[i] = cursor.value(i);
                    }
                }
                numbers[rows.size()] = rowNumber;
                rows.add(out);
                if (rows.size() == BATCH_ROWS) {
                    if (!hand(queue, rows, numbers, writeFailure)) {
                        return;
                    }
                    rows = new ArrayList<>(BATCH_ROWS);
                    numbers = new long[BATCH_ROWS];
                    progress.report(writer.bytesWritten());
                }
            }
            if (!rows.isEmpty()) {
                hand(queue, rows, numbers, writeFailure);
            }
        }
        queue.put(END);
    }

    /** Queues a batch (waiting while the sender is behind); false when sending has failed. */
    private boolean hand(BlockingQueue<RecordBatch> queue, List<String[]> rows, long[] numbers,
                         AtomicReference<RuntimeException> writeFailure) throws InterruptedException {
        progress.checkCancelled();
        if (writeFailure.get() != null) {
            return false;
        }
        long[] exact = rows.size() == numbers.length ? numbers : java.util.Arrays.copyOf(numbers, rows.size());
        queue.put(new RecordBatch(exact, rows));
        return true;
    }

    private void send(BlockingQueue<RecordBatch> queue, DestinationWriter writer, AtomicReference<RuntimeException> failure) {
        try {
            while (true) {
                RecordBatch batch = queue.take();
                if (batch == END) {
                    return;
                }
                List<RowRejection> refused = writer.write(batch);
                refused.forEach(r -> rejections.add(r.rowNumber(), r.reason()));
                progress.rowsSent.addAndGet(batch.size() - refused.size());
            }
        } catch (RuntimeException e) {
            failure.set(e);
            queue.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counters shared by the two threads, and the once-a-second report. */
    static final class Progress {
        final AtomicLong rowsRead = new AtomicLong();
        final AtomicLong rowsSent = new AtomicLong();
        private final java.util.function.Consumer<Progress> onReport;
        private final java.util.function.BooleanSupplier cancelled;
        private final java.util.function.LongConsumer bytes;
        private long lastReport = System.nanoTime();

        Progress(java.util.function.Consumer<Progress> onReport, java.util.function.LongConsumer bytes, java.util.function.BooleanSupplier cancelled) {
            this.onReport = onReport;
            this.bytes = bytes;
            this.cancelled = cancelled;
        }

        void report(long bytesSoFar) {
            long now = System.nanoTime();
            if (now - lastReport >= 1_000_000_000L) {
                lastReport = now;
                bytes.accept(bytesSoFar);
                onReport.accept(this);
            }
        }

        void checkCancelled() {
            if (cancelled.getAsBoolean()) {
                throw new RunCancelledException();
            }
        }

        void reset() {
            rowsRead.set(0);
            rowsSent.set(0);
        }
    }
}
