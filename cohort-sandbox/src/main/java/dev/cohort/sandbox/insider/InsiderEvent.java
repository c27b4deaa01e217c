package dev.cohort.sandbox.insider;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the sandbox Insider One server did: answered a request, downloaded a file, stored a segment,
 * tried to post a result. Events never hold API tokens, segment values or the query of a file URL (where
 * a presigned URL keeps its signature).
 *
 * @param time when it happened, by the server's clock
 * @param kind what happened
 * @param partner the account's partner name; {@code null} for a request from no known account
 * @param segment the segment concerned, or {@code null}
 * @param status the HTTP status: answered for {@link Kind#REQUEST_ANSWERED}, received for a file download or
 *               a callback attempt; 0 when there was none (the connection failed, or nothing was sent)
 * @param detail one human-readable line: the method and path, the reason of an error, counts
 */
public record InsiderEvent(Instant time, Kind kind, String partner, String segment, int status, String detail) {
    /** The kinds of event the server reports. */
    public enum Kind {
        /** An API request was answered (any status). */
        REQUEST_ANSWERED,
        /** An upload's file was downloaded from its {@code csv_url}. */
        FILE_DOWNLOADED,
        /** An upload's file could not be downloaded: an HTTP error, a redirect, an unreachable host, too large. */
        FILE_DOWNLOAD_FAILED,
        /** An upload's values were counted and stored as the segment. */
        SEGMENT_STORED,
        /** One attempt to post a result to a callback URL, successful or not. */
        CALLBACK_ATTEMPTED,
        /** A result reached its callback URL (a 2xx answer). */
        CALLBACK_DELIVERED,
        /** Every attempt to post a result failed; it will not be sent again. */
        CALLBACK_ABANDONED,
        /** A result was not sent because of {@link InsiderFaults#neverSendCallbacks()}. */
        CALLBACK_WITHHELD
    }

    public InsiderEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** One line for a console, e.g. {@code mybrand: POST /fps/v1/upload: email, create, file http://…/vip.csv?… -> 202 [segment vip]}. */
    public String describe() {
        String who = partner == null ? "unknown partner" : partner;
        String about = segment == null ? "" : " [segment " + segment + "]";
        return switch (kind) {
            case REQUEST_ANSWERED -> who + ": " + detail + " -> " + status + about;
            case FILE_DOWNLOADED -> who + ": downloaded " + detail + about;
            case FILE_DOWNLOAD_FAILED -> who + ": download failed: " + detail + about;
            case SEGMENT_STORED -> who + ": stored " + detail + about;
            case CALLBACK_ATTEMPTED -> who + ": callback " + detail + about;
            case CALLBACK_DELIVERED -> who + ": callback delivered: " + detail + about;
            case CALLBACK_ABANDONED -> who + ": callback abandoned: " + detail + about;
            case CALLBACK_WITHHELD -> who + ": callback withheld (fault): " + detail + about;
        };
    }
}
