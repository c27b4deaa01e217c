package dev.cohort.sandbox.insider;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.InstantSource;

/**
 * What Insider does with an accepted upload, in the background: download the file from its URL (no
 * redirects followed), count and store its values, then, after the callback delay, post the result.
 * A file that cannot be downloaded makes a failed result with the reason.
 */
final class UploadProcessor {
    private final HttpClient http;
    private final Background background;
    private final InsiderEventLog events;
    private final InsiderFaults faults;
    private final CallbackSender callbacks;
    private final InstantSource clock;
    private final Duration callbackDelay;
    private final Duration timeout;
    private final int maxFileBytes;

    UploadProcessor(HttpClient http, Background background, InsiderEventLog events, InsiderFaults faults,
                    CallbackSender callbacks, InstantSource clock, Duration callbackDelay, Duration timeout, int maxFileBytes) {
        this.http = http;
        this.background = background;
        this.events = events;
        this.faults = faults;
        this.callbacks = callbacks;
        this.clock = clock;
        this.callbackDelay = callbackDelay;
        this.timeout = timeout;
        this.maxFileBytes = maxFileBytes;
    }

    void submit(AccountState account, long uploadId, UploadRequest upload) {
        background.run(() -> process(account, uploadId, upload));
    }

    private void process(AccountState account, long uploadId, UploadRequest upload) {
        String partner = account.partner();
        String segment = upload.segmentName();
        CallbackResult result;
        try {
            Download download = download(upload.csvUrl());
            if (download.failure() != null) {
                events.record(InsiderEvent.Kind.FILE_DOWNLOAD_FAILED, partner, segment, download.status(), download.failure());
                account.failed(segment);
                result = CallbackResult.failed(segment, download.failure());
            } else {
                events.record(InsiderEvent.Kind.FILE_DOWNLOADED, partner, segment, download.status(),
                        Urls.shown(upload.csvUrl()) + " (" + download.content().length + " bytes)");
                SegmentFile file = SegmentFile.read(download.content(), upload.attribute());
                account.completed(uploadId, new InsiderSegment(partner, segment, upload.attribute(), file.values(),
                        file.validCount(), file.invalidCount(), clock.instant()));
                events.record(InsiderEvent.Kind.SEGMENT_STORED, partner, segment, 0, file.values().size() + " "
                        + upload.attribute().wireName() + " value(s): " + file.validCount() + " valid, "
                        + file.invalidCount() + " invalid row(s)" + (upload.replace() ? ", replacing" : ""));
                result = CallbackResult.completed(segment, file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            account.failed(segment);
            result = CallbackResult.failed(segment, "the sandbox could not process the file (" + e.getClass().getSimpleName() + ")");
            events.record(InsiderEvent.Kind.FILE_DOWNLOAD_FAILED, partner, segment, 0, result.reason());
        }
        callbacks.sendAfter(callbackDelay.plus(faults.extraCallbackDelay()), partner, upload.callbackUrl(), result);
    }

    private Download download(URI url) throws InterruptedException {
        String shown = Urls.shown(url);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("User-Agent", SandboxInsiderServer.USER_AGENT).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            try (InputStream body = response.body()) {
                if (status >= 300 && status < 400) {
                    return Download.failed(status, "the file URL " + shown + " answered HTTP " + status
                            + " (a redirect); redirects are not followed: give the file's own URL");
                }
                if (status < 200 || status >= 300) {
                    return Download.failed(status, "the file URL " + shown + " answered HTTP " + status);
                }
                byte[] content = body.readNBytes(maxFileBytes + 1);
                if (content.length > maxFileBytes) {
                    return Download.failed(status, "the file at " + shown + " is larger than " + maxFileBytes + " bytes");
                }
                return new Download(status, content, null);
            }
        } catch (HttpTimeoutException e) {
            return Download.failed(0, "the file URL " + shown + " did not answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return Download.failed(0, "cannot connect to the file URL " + shown);
        } catch (IOException e) {
            return Download.failed(0, "cannot download the file from " + shown + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private record Download(int status, byte[] content, String failure) {
        static Download failed(int status, String failure) {
            return new Download(status, null, failure);
        }
    }
}
