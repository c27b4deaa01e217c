package dev.cohort.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.server.ServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server serves lent files by their signed links, with Range support, and refuses altered ones. */
class FileLinksIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path root;

    private dev.cohort.server.CohortServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPartnerFetchesALentFileByItsLinkWholeOrByRange() throws Exception {
        server = dev.cohort.server.TestServers.start(root, ServerOptions.defaults().withWorkers(0).withPort(0));
        Path file = root.resolve("segment.csv");
        Files.writeString(file, "a@example.com\nb@example.com\n");
        FileLinks.Link link = server.fileLinks().lend(file, "gold.csv");

        HttpResponse<String> whole = HTTP.send(HttpRequest.newBuilder(URI.create(link.url())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo("a@example.com\nb@example.com\n");
        assertThat(whole.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"gold.csv\"");

        HttpResponse<String> range = HTTP.send(HttpRequest.newBuilder(URI.create(link.url())).header("Range", "bytes=14-")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo("b@example.com\n");

        HttpResponse<String> altered = HTTP.send(HttpRequest.newBuilder(URI.create(link.url().replace("signature=",
                "signature=0"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(altered.statusCode()).isEqualTo(403);
        assertThat(altered.body()).contains("LINK_INVALID").doesNotContain("a@example.com");
    }
}
