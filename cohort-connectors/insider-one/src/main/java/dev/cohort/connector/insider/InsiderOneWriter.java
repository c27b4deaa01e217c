package dev.cohort.connector.insider;

import dev.cohort.normalisation.InvalidValueException;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.destination.DeliveredFile;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.FileHost;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.PartnerWait;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.RowRejection;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery to an Insider One segment. {@link #write} normalises each value for the attribute and appends
 * the valid ones to a temporary file (invalid ones come back as rejected rows, with reasons that never hold
 * the value); {@link #finish} merges with the current segment for add and remove (downloaded, sorted on disk),
 * lends the file to Cohort's server for Insider to download, asks Insider to take it, and — on 202 — returns a
 * {@link PartnerWait}: the run completes when Insider reports on the callback URL. {@link #abort} and every
 * failure remove the temporary files. A test run replaces segment {@code <segment_name>_cohort_test} instead
 * (see {@link InsiderOneConfig#forTestRun()}). One thread at a time.
 */
final class InsiderOneWriter implements DestinationWriter {
    private static final Logger LOG = LoggerFactory.getLogger(InsiderOneWriter.class);
    private static final int MAX_FILE_NAME_SEGMENT = 40;

    private enum State { OPEN, FINISHED, ABORTED }

    private final InsiderOneConfig config;
    private final WriteContext context;
    private final FileHost fileHost;
    private final URI callbackUrl;
    private final InsiderApi api;
    private final SegmentMerge merge;
    private final Path folder;
    private final String field;
    private final ValueNormaliser normaliser;
    private final SegmentFileWriter values;
    private State state = State.OPEN;
    private long valid;

    private InsiderOneWriter(InsiderOneConfig config, WriteContext context, FileHost fileHost, URI callbackUrl, InsiderApi api,
                             Path folder, long sortMemoryBytes) throws IOException {
        this.config = config;
        this.context = context;
        this.fileHost = fileHost;
        this.callbackUrl = callbackUrl;
        this.api = api;
        this.folder = folder;
        this.merge = new SegmentMerge(folder, sortMemoryBytes);
        this.field = context.fields().getFirst();
        this.normaliser = ValueNormaliser.forAttribute(config.attribute(), config.defaultRegion());
        this.values = new SegmentFileWriter(folder.resolve("values.txt"));
    }

    /**
     * Opens a delivery: checks the fields, that a server Insider can reach runs it, and makes the run's
     * temporary folder under {@code workFolder}.
     */
    static InsiderOneWriter open(InsiderOneConfig configured, WriteContext context, Path workFolder, long sortMemoryBytes) {
        InsiderOneConfig config = context.test() ? configured.forTestRun() : configured;
        List<String> problems = InsiderOneDestinationType.fieldProblems(config, context.fields());
        if (!problems.isEmpty()) {
            throw new CohortException(InsiderErrors.ONE_COLUMN, String.join("; ", problems));
        }
        if (context.fileHost().isEmpty() || context.callbackUrl().isEmpty()) {
            throw new PartnerException(InsiderErrors.NEEDS_SERVER, "Insider One downloads the segment file from a URL and reports on"
                    + " a callback URL, and this run has neither: run the orchestration through `cohort server` started with"
                    + " --public-url set to an address Insider One can reach (e.g. --public-url https://cohort.example.com)");
        }
        Path folder = null;
        try {
            Files.createDirectories(workFolder);
            folder = Files.createTempDirectory(workFolder, "insider-one-run-" + safe(context.runId(), 20) + "-");
            return new InsiderOneWriter(config, context, context.fileHost().get(), context.callbackUrl().get(),
                    new InsiderApi(config, context.requests()), folder, sortMemoryBytes);
        } catch (IOException e) {
            if (folder != null) {
                deleteQuietly(folder);
            }
            throw temporaryFiles(workFolder, e);
        }
    }

    @Override
    public List<RowRejection> write(RecordBatch batch) {
        requireOpen();
        List<RowRejection> rejected = new ArrayList<>();
        try {
            for (int i = 0; i < batch.size(); i++) {
                String[] row = batch.rows().get(i);
                try {
                    values.writeLine(normaliser.normalise(row.length == 0 ? null : row[0]));
                    valid++;
                } catch (InvalidValueException e) {
                    rejected.add(new RowRejection(batch.rowNumber(i), "field " + field + ": " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            abort();
            throw temporaryFiles(folder, e);
        }
        return rejected;
    }

    @Override
    public long bytesWritten() {
        return values.bytes();
    }

    @Override
    public WriteResult finish() {
        requireOpen();
        try {
            SegmentFileWriter.Written upload = segmentFile();
            String name = fileName();
            FileHost.Link link = fileHost.lend(upload.file(), name);
            api.upload(Json.write(uploadBody(link.url())));
            state = State.FINISHED;
            LOG.info("Insider One accepted segment '{}' ({} values, {} bytes, {} mode) for run {}; waiting up to {} for its report",
                    config.segmentName(), upload.rows(), upload.bytes(), config.mode().settingValue(), context.runId(), config.timeout());
            DeliveredFile file = new DeliveredFile(name, "Insider One segment '" + config.segmentName() + "' at " + config.baseUrl(),
                    upload.bytes(), upload.sha256(), upload.rows());
            return new WriteResult(valid, List.of(file), new PartnerWait(config.timeout(),
                    "Insider One processing segment '" + config.segmentName() + "'"));
        } catch (IOException e) {
            throw temporaryFiles(folder, e);
        } finally {
            if (state != State.FINISHED) {
                state = State.ABORTED;
            }
            closeQuietly();
            deleteQuietly(folder);
        }
    }

    /** The file to upload: the run's values for replace; the merged segment for add and remove. */
    private SegmentFileWriter.Written segmentFile() throws IOException {
        SegmentFileWriter.Written written = values.finish();
        if (config.mode() == SegmentMode.REPLACE) {
            return written;
        }
        Path existing = folder.resolve("existing.txt");
        if (!api.downloadSegment(existing)) {
            LOG.info("Insider One has no segment '{}' yet: {} starts from an empty segment", config.segmentName(),
                    config.mode().settingValue());
            Files.createFile(existing);
        }
        SegmentMerge.Sorted current = merge.sortDistinct(existing, folder.resolve("existing-sorted.txt"));
        Files.delete(existing);
        SegmentMerge.Sorted changes = merge.sortDistinct(written.file(), folder.resolve("values-sorted.txt"));
        Files.delete(written.file());
        SegmentFileWriter.Written merged = merge.merge(current.file(), changes.file(), config.mode(), folder.resolve("segment.csv"));
        Files.delete(current.file());
        Files.delete(changes.file());
        LOG.debug("merged segment '{}' ({}): {} values, sorted in {} + {} blocks", config.segmentName(), config.mode().settingValue(),
                merged.rows(), current.blocks(), changes.blocks());
        return merged;
    }

    private Map<String, String> uploadBody(URI fileUrl) {
        UploadFieldNames names = config.uploadFields();
        Map<String, String> body = new LinkedHashMap<>();
        body.put(names.segmentName(), config.segmentName());
        body.put(names.attribute(), config.attribute().wireName());
        body.put(names.csvUrl(), fileUrl.toString());
        body.put(names.callbackUrl(), callbackUrl.toString());
        if (names.sendsMode()) {
            body.put(names.mode(), "replace");
        }
        return body;
    }

    /** What the partner sees at the end of the file's URL: {@code <segment>-run-<id>.csv} in the characters FileHost allows. */
    private String fileName() {
        return safe(config.segmentName(), MAX_FILE_NAME_SEGMENT) + "-run-" + safe(context.runId(), 40) + ".csv";
    }

    @Override
    public void abort() {
        if (state == State.OPEN) {
            state = State.ABORTED;
        }
        closeQuietly();
        deleteQuietly(folder);
    }

    @Override
    public void close() {
        if (state == State.OPEN) {
            abort();
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("this Insider One delivery is " + (state == State.FINISHED ? "finished" : "aborted"));
        }
    }

    private void closeQuietly() {
        try {
            values.close();
        } catch (IOException e) {
            LOG.warn("could not close the temporary segment file of run {}: {}", context.runId(), e.toString());
        }
    }

    static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not remove the temporary folder {}: {}", folder, e.toString());
        }
    }

    private static String safe(String text, int max) {
        String cleaned = text.replaceAll("[^A-Za-z0-9._-]+", "_");
        return cleaned.length() > max ? cleaned.substring(0, max) : cleaned;
    }

    private static CohortException temporaryFiles(Path folder, IOException e) {
        return new CohortException(InsiderErrors.TEMPORARY_FILES, "cannot write the segment's temporary files under " + folder + " ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "): free disk space there, or point java.io.tmpdir at a writable folder", e);
    }
}
