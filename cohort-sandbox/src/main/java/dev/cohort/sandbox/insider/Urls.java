package dev.cohort.sandbox.insider;

import java.net.URI;

/** How URLs appear in events and reasons: without user info, query or fragment, where presigned URLs keep secrets. */
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
        text.append(path == null || path.isEmpty() ? "/" : path);
        if (url.getRawQuery() != null) {
            text.append("?…");
        }
        return text.toString();
    }
}
