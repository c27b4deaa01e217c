package dev.cohort.server.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLinksTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final byte[] KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    @TempDir
    Path root;

    private FileLinks links(Instant now) {
        return new FileLinks(KEY, root.resolve("spool"), "https://cohort.example.com/", Duration.ofHours(12),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Map<String, String> query(String url) {
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv[1]);
        }
        return query;
    }

    private FileLinks.Link lend() throws Exception {
        Path file = root.resolve("segment.csv");
        Files.writeString(file, "a@example.com\nb@example.com\n");
        return links(NOW).lend(file, "gold_members.csv");
    }

    @Test
    void aLinkIsUnguessableSignedAndValidForItsTime() throws Exception {
        FileLinks.Link link = lend();

        assertThat(link.url()).startsWith("https://cohort.example.com/files/" + link.id() + "/gold_members.csv?expires=");
        assertThat(link.id()).hasSize(22);
        assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(12)));
        Map<String, String> query = query(link.url());
        FileLinks.Lookup found = links(NOW.plus(Duration.ofHours(11))).find(link.id(), "gold_members.csv",
                query.get("expires"), query.get("signature"));
        assertThat(found).isInstanceOfSatisfying(FileLinks.Lookup.Found.class, f -> assertThat(f.bytes()).isEqualTo(28));
        assertThat(lend().id()).isNotEqualTo(link.id());
    }

    @Test
    void alteredOrExpiredLinksAreRefused() throws Exception {
        FileLinks.Link link = lend();
        Map<String, String> query = query(link.url());
        String expires = query.get("expires");
        String signature = query.get("signature");

        assertThat(links(NOW).find(link.id(), "other.csv", expires, signature))
                .isEqualTo(new FileLinks.Lookup.Refused(FileLinks.Refusal.BAD_SIGNATURE));
        assertThat(links(NOW).find(link.id(), "gold_members.csv", String.valueOf(Long.parseLong(expires) + 3600), signature))
                .isEqualTo(new FileLinks.Lookup.Refused(FileLinks.Refusal.BAD_SIGNATURE));
        assertThat(links(NOW).find(link.id(), "gold_members.csv", expires, signature.replace(signature.charAt(0),
                signature.charAt(0) == 'a' ? 'b' : 'a'))).isEqualTo(new FileLinks.Lookup.Refused(FileLinks.Refusal.BAD_SIGNATURE));
        assertThat(links(NOW).find("../../etc/passwd", "gold_members.csv", expires, signature))
                .isEqualTo(new FileLinks.Lookup.Refused(FileLinks.Refusal.MALFORMED));
        assertThat(links(NOW.plus(Duration.ofHours(12))).find(link.id(), "gold_members.csv", expires, signature))
                .isEqualTo(new FileLinks.Lookup.Refused(FileLinks.Refusal.EXPIRED));
    }

    @Test
    void expiredFilesAreDeletedAndTheirLinksThenSayGone() throws Exception {
        FileLinks.Link link = lend();
        assertThat(links(NOW.plus(Duration.ofHours(1))).deleteExpired()).isZero();

        assertThat(links(NOW.plus(Duration.ofHours(13))).deleteExpired()).isEqualTo(1);
        try (var files = Files.list(root.resolve("spool"))) {
            assertThat(files).isEmpty();
        }
        Map<String, String> query = query(link.url());
        assertThat(links(NOW).find(link.id(), "gold_members.csv", query.get("expires"), query.get("signature")))
                .isEqualTo(new FileLinks.Lookup.Refused(FileLinks.Refusal.GONE));
    }

    @Test
    void namesThatCouldEscapeAreRefused() {
        assertThatThrownBy(() -> links(NOW).lend(root, "../x.csv")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("letters, digits");
    }
}
