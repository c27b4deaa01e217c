package dev.cohort.connector.insider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cohort.sandbox.insider.InsiderAttribute;
import dev.cohort.sandbox.insider.InsiderCallbackFields;
import dev.cohort.sandbox.insider.InsiderUploadFields;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorKind;
import dev.cohort.spi.destination.DeliveredFile;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.FileHost;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.PartnerReport;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.RequestPermits;
import dev.cohort.spi.destination.RowRejection;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deliveries to the sandbox Insider One server, end to end: the upload, Insider downloading the lent file and
 * reporting on the callback URL, every error answer mapped to what the runtime does with it, and add and
 * remove merging with the segment Insider holds.
 */
class InsiderOneDeliveryIT {
    private static final String PARTNER = InsiderTestBed.PARTNER;
    private static final String SEGMENT = InsiderTestBed.SEGMENT;

    @RegisterExtension
    final InsiderTestBed bed = new InsiderTestBed();

    private WriteResult deliver(InsiderOneConfig config, String run, String... values) {
        return bed.deliver(bed.type(), config, run, List.of(values));
    }

    private PartnerReport report(InsiderOneConfig config, String run) {
        return bed.type().readReport(config, bed.callbacks().awaitReport(run));
    }

    /** The segment as a client downloads it from the sandbox, one value per line. */
    private List<String> downloadSegment() throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(bed.insider().downloadUrl(SEGMENT))
                    .header("X-PARTNER-NAME", PARTNER).header("X-REQUEST-TOKEN", InsiderTestBed.TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            return answer.body().lines().toList();
        }
    }

    private PartnerException failedDelivery(InsiderOneConfig config, String run, String... values) {
        PartnerException failure = catchThrowableOfType(PartnerException.class, () -> deliver(config, run, values));
        assertThat(failure).as("the delivery must fail").isNotNull();
        assertThat(failure.getMessage()).doesNotContain(InsiderTestBed.TOKEN).doesNotContain(PARTNER);
        assertThat(bed.leftInWorkFolder()).as("no temporary file is left").isEmpty();
        return failure;
    }

    @Test
    void aReplaceIsUploadedFetchedByInsiderAndReportedWithItsCounts() throws Exception {
        InsiderOneConfig config = bed.configure(Map.of());
        List<RowRejection> rejections;
        WriteResult result;
        try (DestinationWriter writer = bed.type().open(config, bed.context("41"))) {
            rejections = writer.write(RecordBatch.numberedFrom(1, List.of(new String[] {" Ada@Example.com "},
                    new String[] {"bob@example.com"}, new String[] {"Jos\u00E9@B\u00FCcher.example"}, new String[] {"not-an-address"},
                    new String[] {null})));
            result = writer.finish();
        }
        assertThat(rejections).extracting(RowRejection::toString).containsExactly(
                "row 4: field email: not a valid e-mail address: no '@'", "row 5: field email: empty value");
        assertThat(result.rowsSent()).isEqualTo(3);
        assertThat(result.partnerWait()).hasValueSatisfying(wait -> {
            assertThat(wait.timeout()).isEqualTo(Duration.ofHours(1));
            assertThat(wait.description()).isEqualTo("Insider One processing segment 'vip-customers'");
        });
        DeliveredFile file = result.files().getFirst();
        String content = "ada@example.com\nbob@example.com\njos\u00E9@b\u00FCcher.example\n";
        assertThat(file.name()).isEqualTo("vip-customers-run-41.csv");
        assertThat(file.rows()).isEqualTo(3);
        assertThat(file.bytes()).isEqualTo(content.getBytes(StandardCharsets.UTF_8).length);
        assertThat(file.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8))));
        assertThat(file.location()).isEqualTo("Insider One segment 'vip-customers' at " + bed.insider().url());
        assertThat(bed.files().read(file.name())).isEqualTo(content);
        assertThat(bed.leftInWorkFolder()).isEmpty();

        assertThat(report(config, "41")).as("the sandbox counts the internationalised address invalid, as its ASCII rule says")
                .isEqualTo(PartnerReport.completed(2, 1));
        assertThat(downloadSegment()).containsExactly("ada@example.com", "bob@example.com");

        deliver(config, "42", "carol@example.com");
        assertThat(report(config, "42")).isEqualTo(PartnerReport.completed(1, 0));
        assertThat(downloadSegment()).as("a second replace replaces").containsExactly("carol@example.com");
    }

    @Test
    void aTestRunReplacesItsOwnTestSegmentAndNeverTheRealOne() throws Exception {
        InsiderOneConfig config = bed.configure(Map.of("mode", "add"));
        deliver(config, "1", "ada@example.com");
        WriteResult test;
        WriteContext real = bed.context("2");
        WriteContext context = new WriteContext(real.runId(), real.orchestration(), real.objectName(), real.startedAt(),
                real.timeZone(), true, real.fields(), real.requests(), real.fileHost().orElseThrow(), real.callbackUrl().orElseThrow());
        try (DestinationWriter writer = bed.type().open(config, context)) {
            writer.write(RecordBatch.numberedFrom(1, List.<String[]>of(new String[] {"test@example.com"})));
            test = writer.finish();
        }

        assertThat(test.partnerWait().orElseThrow().description())
                .isEqualTo("Insider One processing segment '" + SEGMENT + "_cohort_test'");
        assertThat(report(config, "2")).isEqualTo(PartnerReport.completed(1, 0));
        assertThat(downloadSegment()).containsExactly("ada@example.com");
        assertThat(config.forTestRun().segmentName()).isEqualTo(SEGMENT + "_cohort_test");
        InsiderOneConfig longName = bed.configure(Map.of("segment_name", "a".repeat(40)));
        assertThat(longName.forTestRun().segmentName()).isEqualTo("a".repeat(28) + "_cohort_test");
    }

    @Test
    void phoneNumbersAreSentInE164() throws Exception {
        InsiderOneConfig config = bed.configure(Map.of("attribute", "phone_number", "default_region", "TR"));
        WriteResult result = deliver(config, "7", "0532 123 45 67", "+44 20 7946 0958");
        assertThat(result.rowsSent()).isEqualTo(2);
        assertThat(report(config, "7")).isEqualTo(PartnerReport.completed(2, 0));
        assertThat(downloadSegment()).containsExactly("+905321234567", "+442079460958");
    }

    @Test
    void aWrongTokenIsAPermanentErrorNamingTheCredentialValues() {
        InsiderOneConfig config = bed.configure(Map.of(), Map.of("partner_name", PARTNER, "api_token", "wrong-" + InsiderTestBed.TOKEN));
        PartnerException failure = failedDelivery(config, "1", "ada@example.com");
        assertThat(failure.errorCode()).isEqualTo(InsiderErrors.BAD_API_KEY);
        assertThat(failure.kind()).isEqualTo(ErrorKind.EXTERNAL_PERMANENT);
        assertThat(failure.getMessage()).isEqualTo("Insider One refused the partner name or API token (Bad Api Key.): check credential"
                + " values partner_name and api_token");
        assertThat(failure.getMessage()).doesNotContain("wrong-");
    }

    @Test
    void overTheRateLimitIsRetriedAfterInsidersRetryAfter() {
        bed.restartInsider(options -> options.rateLimitPerSecond(1).clock(InstantSource.fixed(Instant.parse("2026-11-22T10:00:00Z"))));
        InsiderOneConfig config = bed.configure(Map.of());
        deliver(config, "1", "ada@example.com");
        PartnerException failure = failedDelivery(config, "2", "bob@example.com");
        assertThat(failure.errorCode()).isEqualTo(InsiderErrors.RATE_LIMITED);
        assertThat(failure.kind()).isEqualTo(ErrorKind.EXTERNAL_TRANSIENT);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(failure.getMessage()).startsWith("Insider One answered 429 \"Too Many Requests.\" to the upload of segment"
                + " 'vip-customers': over Insider's rate limit of 100 requests per second");
        assertThat(bed.insider().requestCounts(PARTNER).rateLimited()).isEqualTo(1);
    }

    @Test
    void aServerErrorIsTransientAndTheRetryGoesThrough() {
        bed.insider().faults().failNextUploads(1);
        InsiderOneConfig config = bed.configure(Map.of());
        PartnerException failure = failedDelivery(config, "1", "ada@example.com");
        assertThat(failure.errorCode()).isEqualTo(InsiderErrors.UNAVAILABLE);
        assertThat(failure.kind()).isEqualTo(ErrorKind.EXTERNAL_TRANSIENT);
        assertThat(failure.getMessage()).isEqualTo("Insider One answered 500 \"Internal Server Error.\" to the upload of segment"
                + " 'vip-customers': Insider One failed or is unavailable; retried with back-off");

        deliver(config, "2", "ada@example.com");
        assertThat(report(config, "2")).isEqualTo(PartnerReport.completed(1, 0));
    }

    @Test
    void invalidPayloadPointsAtTheUploadFieldNamesAndSettingThemFixesIt() {
        bed.insider().faults().expectUploadFields(InsiderUploadFields.DEFAULTS.withCsvUrl("file_url"));
        PartnerException failure = failedDelivery(bed.configure(Map.of()), "1", "ada@example.com");
        assertThat(failure.errorCode()).isEqualTo(InsiderErrors.INVALID_PAYLOAD);
        assertThat(failure.kind()).isEqualTo(ErrorKind.EXTERNAL_PERMANENT);
        assertThat(failure.getMessage()).isEqualTo("Insider One answered 405 \"Invalid Payload.\" to the upload of segment"
                + " 'vip-customers': Invalid Payload: the upload's field names may not be Insider's: set the upload field names"
                + " (upload_field_segment_name, upload_field_attribute, upload_field_csv_url, upload_field_callback_url,"
                + " upload_field_mode; now segment_name, attribute, csv_url, callback_url, mode)");

        InsiderOneConfig renamed = bed.configure(Map.of("upload_field_csv_url", "file_url"));
        deliver(renamed, "2", "ada@example.com");
        assertThat(report(renamed, "2")).isEqualTo(PartnerReport.completed(1, 0));
    }

    @Test
    void aTakenSegmentNameIsPermanentAndSaysToPickAnother() {
        bed.restartInsider(options -> options.segmentReplacement(false));
        InsiderOneConfig config = bed.configure(Map.of("upload_field_mode", ""));
        deliver(config, "1", "ada@example.com");
        PartnerException failure = failedDelivery(config, "2", "ada@example.com");
        assertThat(failure.errorCode()).isEqualTo(InsiderErrors.SEGMENT_NAME_EXISTS);
        assertThat(failure.kind()).isEqualTo(ErrorKind.EXTERNAL_PERMANENT);
        assertThat(failure.getMessage()).isEqualTo("Insider One answered 400 \"Segment Name Exists.\" to the upload of segment"
                + " 'vip-customers': the name is taken in the Insider account (upload_field_mode is empty, so an existing segment cannot"
                + " be replaced): pick another segment_name");
    }

    @Test
    void unreachableOrTlsFailuresAreNamed() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PartnerException refused = failedDelivery(bed.configure(Map.of("base_url", "http://127.0.0.1:" + closedPort)), "1", "a@example.com");
        assertThat(refused.errorCode()).isEqualTo(InsiderErrors.UNREACHABLE);
        assertThat(refused.kind()).isEqualTo(ErrorKind.EXTERNAL_TRANSIENT);
        assertThat(refused.getMessage()).isEqualTo("the upload of segment 'vip-customers' to Insider One failed: the connection to"
                + " 127.0.0.1:" + closedPort + " was refused; retried");

        try (PlainTextServer notTls = new PlainTextServer()) {
            PartnerException tls = failedDelivery(bed.configure(Map.of("base_url", "https://127.0.0.1:" + notTls.port())), "2",
                    "a@example.com");
            assertThat(tls.errorCode()).isEqualTo(InsiderErrors.TLS_FAILED);
            assertThat(tls.kind()).isEqualTo(ErrorKind.EXTERNAL_PERMANENT);
            assertThat(tls.getMessage()).contains("the TLS handshake with 127.0.0.1:" + notTls.port() + " failed");
        }
    }

    @Test
    void withoutAServerPartnersCanReachTheRunIsRefusedBeforeAnyRowIsRead() {
        InsiderOneConfig config = bed.configure(Map.of());
        WriteContext noServer = new WriteContext("9", "to-insider", "audience", Instant.now(), ZoneOffset.UTC, false, List.of("email"));
        CohortException failure = catchThrowableOfType(CohortException.class, () -> bed.type().open(config, noServer));
        assertThat(failure.errorCode()).isEqualTo(InsiderErrors.NEEDS_SERVER);
        assertThat(failure.kind()).isEqualTo(ErrorKind.USER_ERROR);
        assertThat(failure.getMessage()).contains("run the orchestration through `cohort server` started with --public-url");
        assertThat(bed.leftInWorkFolder()).isEmpty();

        WriteContext twoFields = bed.context("10", List.of("email", "name"), RequestPermits.UNLIMITED);
        CohortException fields = catchThrowableOfType(CohortException.class, () -> bed.type().open(config, twoFields));
        assertThat(fields.errorCode()).isEqualTo(InsiderErrors.ONE_COLUMN);
        assertThat(fields.getMessage()).contains("this query outputs 2: email, name");
    }

    @Test
    void addMergesTheRunsValuesIntoTheSegmentInsiderHolds() throws Exception {
        bed.insider().seedSegment(PARTNER, SEGMENT, InsiderAttribute.EMAIL, List.of("a@example.com", "b@example.com", "c@example.com"));
        AtomicInteger permits = new AtomicInteger();
        InsiderOneConfig config = bed.configure(Map.of("mode", "add"));
        WriteResult result;
        try (DestinationWriter writer = bed.type().open(config, bed.context("5", List.of("email"), permits::incrementAndGet))) {
            writer.write(RecordBatch.numberedFrom(1, List.of(new String[] {"C@example.com"}, new String[] {"d@example.com"},
                    new String[] {"d@example.com"})));
            result = writer.finish();
        }
        assertThat(permits).as("one permit for the download, one for the upload").hasValue(2);
        assertThat(bed.insider().requestCounts(PARTNER).admitted()).isEqualTo(2);
        assertThat(result.rowsSent()).as("the run's own rows").isEqualTo(3);
        assertThat(result.files().getFirst().rows()).as("the segment uploaded").isEqualTo(4);
        assertThat(report(config, "5")).isEqualTo(PartnerReport.completed(4, 0));
        assertThat(downloadSegment()).containsExactlyInAnyOrder("a@example.com", "b@example.com", "c@example.com", "d@example.com");
        assertThat(bed.leftInWorkFolder()).isEmpty();
    }

    @Test
    void removeTakesTheRunsValuesOutOfTheSegment() throws Exception {
        bed.insider().seedSegment(PARTNER, SEGMENT, InsiderAttribute.EMAIL, List.of("a@example.com", "b@example.com", "c@example.com"));
        InsiderOneConfig config = bed.configure(Map.of("mode", "remove"));
        deliver(config, "6", "B@example.com", "z@example.com");
        assertThat(report(config, "6")).isEqualTo(PartnerReport.completed(2, 0));
        assertThat(downloadSegment()).containsExactlyInAnyOrder("a@example.com", "c@example.com");
    }

    @Test
    void withoutASegmentYetAddUploadsTheRunsValuesAndRemoveAnEmptySegment() throws Exception {
        InsiderOneConfig add = bed.configure(Map.of("mode", "add"));
        deliver(add, "1", "b@example.com", "a@example.com", "b@example.com");
        assertThat(report(add, "1")).isEqualTo(PartnerReport.completed(2, 0));
        assertThat(downloadSegment()).containsExactlyInAnyOrder("a@example.com", "b@example.com");

        InsiderOneConfig remove = bed.configure(Map.of("mode", "remove", "segment_name", "never-uploaded"));
        WriteResult result = deliver(remove, "2", "a@example.com");
        assertThat(result.files().getFirst().rows()).isZero();
        assertThat(bed.type().readReport(remove, bed.callbacks().awaitReport("2"))).isEqualTo(PartnerReport.completed(0, 0));
    }

    @Test
    void aLargeSegmentIsMergedThroughTheOnDiskSort() throws Exception {
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            existing.add("member" + i + "@example.com");
        }
        bed.insider().seedSegment(PARTNER, SEGMENT, InsiderAttribute.EMAIL, existing);
        List<String> added = new ArrayList<>();
        for (int i = 150_000; i < 250_000; i += 2) {
            added.add("Member" + i + "@Example.com");
        }
        InsiderOneConfig config = bed.configure(Map.of("mode", "add"));
        WriteResult result = bed.deliver(bed.typeSortingIn(256 * 1024), config, "8", added);
        assertThat(result.rowsSent()).isEqualTo(50_000);
        assertThat(result.files().getFirst().rows()).isEqualTo(200_000 + 25_000);
        assertThat(report(config, "8")).isEqualTo(PartnerReport.completed(225_000, 0));
        List<String> segment = downloadSegment();
        assertThat(segment).hasSize(225_000).contains("member0@example.com", "member199999@example.com", "member249998@example.com")
                .doesNotContain("member249999@example.com");
        assertThat(bed.leftInWorkFolder()).isEmpty();
    }

    @Test
    void callbackFieldNamesOtherThanTheDefaultsAreReadOnceSet() {
        bed.insider().faults().sendCallbackFields(InsiderCallbackFields.DEFAULTS.withValidCount("valid"));
        InsiderOneConfig defaults = bed.configure(Map.of());
        deliver(defaults, "3", "ada@example.com");
        byte[] body = bed.callbacks().awaitReport("3");
        PartnerException failure = catchThrowableOfType(PartnerException.class, () -> bed.type().readReport(defaults, body));
        assertThat(failure.errorCode()).isEqualTo(InsiderErrors.CALLBACK_INVALID);
        assertThat(failure.getMessage()).contains("the field `valid_count` (callback_field_valid_count) is missing")
                .contains("set callback_field_valid_count");
        assertThat(bed.type().readReport(bed.configure(Map.of("callback_field_valid_count", "valid")), body))
                .isEqualTo(PartnerReport.completed(1, 0));
    }

    @Test
    void anUploadInsiderCannotProcessIsReportedFailedWithItsReason() {
        InsiderOneConfig config = bed.configure(Map.of());
        java.net.URI missing = java.net.URI.create("http://127.0.0.1:" + bed.insider().port() + "/files/gone.csv");
        FileHost losing = (file, name) -> {
            try {
                java.nio.file.Files.delete(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new FileHost.Link(missing, Instant.now().plus(Duration.ofHours(12)));
        };
        WriteContext context = new WriteContext("4", "to-insider", "audience", Instant.now(), ZoneOffset.UTC, false, List.of("email"),
                RequestPermits.UNLIMITED, losing, bed.callbacks().url("4"));
        try (DestinationWriter writer = bed.type().open(config, context)) {
            writer.write(RecordBatch.numberedFrom(1, List.<String[]>of(new String[] {"ada@example.com"})));
            assertThat(writer.finish().partnerWait()).isPresent();
        }
        PartnerReport report = report(config, "4");
        assertThat(report.succeeded()).isFalse();
        assertThat(report.message()).isEqualTo("Insider One could not process segment 'vip-customers': the file URL " + missing
                + " answered HTTP 404");
    }
}
