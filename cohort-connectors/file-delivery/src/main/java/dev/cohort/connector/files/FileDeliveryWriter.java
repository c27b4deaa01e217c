package dev.cohort.connector.files;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.destination.CsvEncoding;
import dev.cohort.spi.destination.DeliveredFile;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.EncodedRowsSink;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.RowRejection;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers rows as CSV files into a remote folder, streaming: rows are encoded, optionally gzipped, and
 * uploaded under a hidden temporary name in the same folder ({@code .<name>.<run>.part}) while the
 * SHA-256 and size are computed; {@code split_rows} starts a new file every so many rows. Nothing is
 * visible under a final name before {@link #finish()}, which renames each file to its final name and
 * then publishes the optional {@code .DONE} marker last. {@link #abort()} — or {@link #close()} without
 * finish — deletes every temporary file, reconnecting if needed, and the files a failed finish had
 * already renamed.
 *
 * <p>When the delivery only needs the rows as CSV — one file, no row check beyond a format that holds
 * every row, the template's fields as they come — {@link #encoding()} is present and the rows may
 * instead arrive already encoded through {@link #writeEncoded}, which copies them into the same
 * pipeline: the published file is byte for byte the one {@link #write} would have produced.
 *
 * <p>Memory does not grow with rows. {@link #write} and {@link #writeEncoded} block while the server
 * takes earlier data: that is the back-pressure. Used by one thread at a time, as
 * {@link DestinationWriter} requires.
 */
public final class FileDeliveryWriter implements DestinationWriter, EncodedRowsSink {
    /** A header the format cannot write (a field name holding the delimiter, with quote_mode none). */
    public static final ErrorCode INVALID_HEADER = ErrorCode.user("INVALID_CSV_HEADER");
    /** The stream given to {@link #writeEncoded} failed: the engine side of the delivery broke. */
    public static final ErrorCode ENCODED_ROWS_UNREADABLE = ErrorCode.internal("ENCODED_ROWS_UNREADABLE");
    private static final Logger LOG = LoggerFactory.getLogger(FileDeliveryWriter.class);
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private enum State { OPEN, FAILED, FINISHED, ABORTED }

    /** How the rows arrive: not yet, as values ({@link #write}) or already encoded ({@link #writeEncoded}). */
    private enum Input { NONE, ROWS, ENCODED }

    private final RemoteFolder folder;
    private final WriteContext context;
    private final FileDeliveryOptions options;
    private final FieldLayout.Bound layout;
    private final String[] header;
    private final RowValidator validator;
    private final ZoneId zone;
    private final Optional<CsvEncoding> encoding;
    private final List<FileUpload> uploads = new ArrayList<>();
    private final List<String> temporaryNames = new ArrayList<>();
    private final List<String> publishedNames = new ArrayList<>();
    private FileUpload current;
    private long rowsWritten;
    private State state = State.OPEN;
    private Input input = Input.NONE;

    /**
     * A writer delivering into {@code folder}, which it closes when closed.
     *
     * @throws CohortException when the template's fields do not fit the layout
     */
    public FileDeliveryWriter(RemoteFolder folder, WriteContext context, FileDeliveryOptions options) {
        this.folder = folder;
        this.context = context;
        this.options = options;
        this.layout = options.layout().bind(context.fields());
        this.header = layout.header().toArray(String[]::new);
        this.validator = options.format().rowValidator().and(options.rowValidator());
        this.zone = options.timeZone() != null ? options.timeZone() : context.timeZone();
        this.encoding = options.format().dataEncoding()
                .filter(described -> options.rowValidator() == RowValidator.ACCEPT_ALL && options.splitRows() == 0 && layout.isIdentity());
        if (options.format().header()) {
            options.format().rowValidator().check(header, layout.header()).ifPresent(problem -> {
                throw new CohortException(INVALID_HEADER, "The header cannot be written: " + problem);
            });
        }
    }

    /**
     * Connects to the endpoint and opens a writer on its folder.
     *
     * @throws PartnerException when the server cannot be reached or refuses
     */
    public static FileDeliveryWriter open(SftpEndpoint endpoint, WriteContext context, FileDeliveryOptions options) {
        SftpRemoteFolder folder = SftpRemoteFolder.connect(endpoint);
        try {
            return new FileDeliveryWriter(folder, context, options);
        } catch (RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    @Override
    public List<RowRejection> write(RecordBatch batch) {
        requireState(State.OPEN, "write");
        if (input == Input.ENCODED) {
            throw new IllegalStateException("cannot write rows to a delivery that took encoded rows: writeEncoded takes every row");
        }
        input = Input.ROWS;
        List<String[]> rows = batch.rows();
        return guarded(() -> {
            List<RowRejection> rejections = null;
            for (int i = 0; i < rows.size(); i++) {
                String[] row = layout.arrange(rows.get(i));
                Optional<String> problem = validator.check(row, layout.header());
                if (problem.isPresent()) {
                    if (rejections == null) {
                        rejections = new ArrayList<>();
                    }
                    rejections.add(new RowRejection(batch.rowNumber(i), problem.get()));
                    continue;
                }
                uploadWithRoom().write(row);
                rowsWritten++;
            }
            return rejections == null ? List.<RowRejection>of() : rejections;
        });
    }

    /**
     * Present when this delivery writes one file, checks no row, and has exactly the template's fields
     * in their order, in a format {@link CsvFormat#dataEncoding()} describes. The same on every call.
     */
    @Override
    public Optional<CsvEncoding> encoding() {
        return encoding;
    }

    /**
     * Writes the header, if the format has one, then copies {@code lines} into the file until it ends
     * (an empty stream gives a file with only the header, like a delivery of no rows); {@code lines} is
     * not closed. The rows are then counted from {@code rows}. Call {@link #finish()} or {@link #abort()}
     * afterwards, as after {@link #write}.
     *
     * @throws IllegalStateException when {@link #encoding()} is empty, or rows were already written
     * @throws PartnerException      when the upload fails
     * @throws CohortException       ({@link #ENCODED_ROWS_UNREADABLE}) when {@code lines} cannot be read
     */
    @Override
    public void writeEncoded(InputStream lines, LongSupplier rows) {
        requireState(State.OPEN, "write encoded rows to");
        if (encoding.isEmpty()) {
            throw new IllegalStateException("this delivery cannot take encoded rows (encoding() is empty): its format, row check,"
                    + " split_rows or field layout needs every row; write rows instead");
        }
        if (input != Input.NONE) {
            throw new IllegalStateException(input == Input.ENCODED ? "encoded rows were already written: writeEncoded takes every row, once"
                    : "rows were already written with write: writeEncoded must take every row of a delivery");
        }
        input = Input.ENCODED;
        guarded(() -> {
            startNextFile();
            current.writeEncoded(lines);
            long count = rows.getAsLong();
            if (count < 0) {
                throw new IllegalArgumentException("the engine counted " + count + " rows for run " + context.runId());
            }
            current.countEncodedRows(count);
            rowsWritten += count;
            return null;
        });
    }

    /** A step of the delivery that may fail on the wire; a failure fails the whole delivery, classified. */
    private interface Step<T> {
        T run() throws IOException;
    }

    private <T> T guarded(Step<T> step) {
        try {
            return step.run();
        } catch (UncheckedIOException e) {
            throw failed(folder.failure(uploadAction(), e.getCause()));
        } catch (IOException e) {
            throw failed(folder.failure(uploadAction(), e));
        } catch (RuntimeException e) {
            throw failed(e);
        }
    }

    /** Bytes uploaded so far (compressed, when gzip is on), for progress. */
    @Override
    public long bytesWritten() {
        long bytes = 0;
        for (FileUpload upload : uploads) {
            bytes += upload.bytes();
        }
        return bytes;
    }

    @Override
    public WriteResult finish() {
        requireState(State.OPEN, "finish");
        return guarded(() -> {
            if (uploads.isEmpty()) {
                startNextFile();
            }
            completeCurrentFile();
            List<DeliveredFile> files = new ArrayList<>();
            for (FileUpload upload : uploads) {
                publish(upload.temporaryName(), upload.finalName());
                files.add(upload.delivered());
            }
            if (options.doneFile()) {
                files.add(publishDoneMarker(files.stream().map(DeliveredFile::name).toList()));
            }
            state = State.FINISHED;
            LOG.info("Delivered {} rows in {} file(s) to {}", rowsWritten, files.size(), folder.location());
            return new WriteResult(rowsWritten, files);
        });
    }

    @Override
    public void abort() {
        if (state == State.FINISHED || state == State.ABORTED) {
            return;
        }
        state = State.ABORTED;
        if (current != null) {
            current.abandon();
        }
        List<String> leftovers = new ArrayList<>(temporaryNames);
        leftovers.addAll(publishedNames);
        List<String> removed = new ArrayList<>();
        for (String name : leftovers) {
            try {
                if (folder.delete(name)) {
                    removed.add(name);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not delete {} from {} while aborting the delivery of run {}: {}", name, folder.location(), context.runId(),
                        e.getMessage());
            }
        }
        if (!removed.isEmpty()) {
            LOG.info("Aborted the delivery of run {} to {}: removed {}", context.runId(), folder.location(), removed);
        }
    }

    @Override
    public void close() {
        try {
            abort();
        } finally {
            folder.close();
        }
    }

    private FileUpload uploadWithRoom() throws IOException {
        if (current != null && options.splitRows() > 0 && current.rows() >= options.splitRows()) {
            completeCurrentFile();
        }
        if (current == null) {
            startNextFile();
        }
        return current;
    }

    private void startNextFile() throws IOException {
        FileNameRequest request = request(uploads.size() + 1);
        String name = FileNames.requireValid(options.fileNamer().fileName(request));
        if (uploads.stream().anyMatch(upload -> upload.finalName().equals(name))) {
            throw new CohortException(FileNames.INVALID_FILE_NAME, "file_name gives two files of this delivery the same name '" + name
                    + "': add {file_number}");
        }
        String temporary = FileNames.temporaryName(name, context.runId());
        temporaryNames.add(temporary);
        try {
            current = FileUpload.start(folder, name, temporary, options.format(), options.gzip(), header);
        } catch (PartnerException e) {
            if (e.errorCode().equals(SftpErrors.PERMISSION_DENIED) || e.errorCode().equals(SftpErrors.FOLDER_NOT_FOUND)) {
                temporaryNames.remove(temporary);
            }
            throw e;
        }
        uploads.add(current);
    }

    private void completeCurrentFile() throws IOException {
        if (current != null) {
            current.finish(folder.location());
            current = null;
        }
    }

    private void publish(String temporary, String name) {
        folder.rename(temporary, name, options.replaceExisting());
        publishedNames.add(name);
        temporaryNames.remove(temporary);
    }

    private DeliveredFile publishDoneMarker(List<String> fileNames) throws IOException {
        String name = FileNames.requireValid(options.fileNamer().doneMarkerName(fileNames, request(1)));
        String temporary = FileNames.temporaryName(name, context.runId());
        temporaryNames.add(temporary);
        folder.create(temporary).close();
        publish(temporary, name);
        return new DeliveredFile(name, folder.location(), 0, EMPTY_SHA256, 0);
    }

    private String uploadAction() {
        return current == null ? "publish the files of run " + context.runId() : "upload " + current.temporaryName();
    }

    private FileNameRequest request(int fileNumber) {
        return FileNameRequest.of(context, zone, fileNumber, options.splitRows() > 0, options.gzip(), folder::list);
    }

    private RuntimeException failed(RuntimeException failure) {
        state = State.FAILED;
        return failure;
    }

    private void requireState(State expected, String action) {
        if (state != expected) {
            throw new IllegalStateException("cannot " + action + " a delivery that is " + state.name().toLowerCase(Locale.ROOT));
        }
    }
}
