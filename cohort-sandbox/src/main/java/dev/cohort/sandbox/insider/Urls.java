package dev.cohort.sandbox.insider;

import java.net.URI;

/**
 * How URLs appear in events and reasons: without user info, query or fragment, where presigned URLs keep secrets,
 * and without a last path segment that looks like a token (a callback URL's {@code …/runs/3/<token>}).
 */
final class Urls {
    private Urls() {
    }

    /** {@code https://bucket.example.com/exports/a.csv} for {@code https://bucket.example.com/exports/a.csv?X-Amz-Signature=…}. */
    static String shown(URI url) {
        StringBuilder text = new StringBuilder().append(url.getScheme()).append("://").append(url.getHost());
        if (url.getPort() != -1) {
            text.append(':').append(url.getPort());
        }
        String path = url.getRawPath();
        if (path != null && path.matches(".*/[A-Za-z0-9_-]{20,}")) {
            path = path.substring(0, path.lastIndexOf('/') + 1) + "…";
        }
        text.append(path == null || path.isEmpty() ? "/" : path);
        if (url.getRawQuery() != null) {
            text.append("?…");
        }
        return text.toString();
    }
}
