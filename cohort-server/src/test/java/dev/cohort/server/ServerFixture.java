package dev.cohort.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.runtime.store.MetadataStore;
import dev.cohort.runtime.store.MetadataStores;
import dev.cohort.runtime.workspace.ApplyListener;
import dev.cohort.runtime.workspace.LoadedWorkspace;
import dev.cohort.runtime.workspace.WorkspaceHome;
import dev.cohort.runtime.workspace.WorkspaceReader;
import dev.cohort.runtime.workspace.WorkspaceScaffold;
import dev.cohort.runtime.workspace.WorkspaceService;
import dev.cohort.server.auth.ApiTokens;
import dev.cohort.server.auth.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A workspace (the init scaffold's data in DuckDB and SQLite, destinations writing to a folder) applied,
 * served by a real {@link CohortServer} on a free loopback port, with one API token per role.
 */
final class ServerFixture implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Path root;
    final Path outbox;
    final WorkspaceHome home;
    final Map<Role, String> tokens = new EnumMap<>(Role.class);
    CohortServer server;

    ServerFixture(Path root, String orchestrations) throws IOException {
        this(root, orchestrations, "");
    }

    /** With {@code moreDestinations} (YAML lines; {@code %s} is the outbox folder) besides {@code outbox}. */
    ServerFixture(Path root, String orchestrations, String moreDestinations) throws IOException {
        this(root, orchestrations, moreDestinations, "");
    }

    /** With {@code extraYaml} (top-level sections such as credentials and notifications) at the end. */
    ServerFixture(Path root, String orchestrations, String moreDestinations, String extraYaml) throws IOException {
        this.root = root;
        WorkspaceScaffold.create(root, "acme");
        outbox = root.resolve("outbox");
        home = WorkspaceHome.of(root, Optional.of("jdbc:sqlite:" + root.resolve(".cohort/metadata.db")));
        Path yaml = root.resolve("cohort.yaml");
        String text = Files.readString(yaml);
        int cut = text.indexOf("\n# destinations:");
        text = (cut < 0 ? text.substring(0, text.indexOf("\ndestinations:")) : text.substring(0, cut)) + """

                destinations:
                  outbox: {type: test-open, settings: {folder: "%s"}}
                %s
                orchestrations:
                %s
                %s
                """.formatted(outbox, moreDestinations.formatted(outbox).indent(2).stripTrailing(),
                orchestrations.indent(2).stripTrailing(), extraYaml);
        Files.writeString(yaml, text);
        LoadedWorkspace files = WorkspaceReader.read(root);
        try (WorkspaceService service = WorkspaceService.openForApply(home, files.definition(), Map.of())) {
            assertThat(service.apply(service.plan(files), ApplyListener.SILENT).problems()).isEmpty();
        }
        try (MetadataStore store = MetadataStores.open(home.metadataUrl())) {
            ApiTokens apiTokens = new ApiTokens(store.access(), Clock.systemUTC());
            for (Role role : Role.values()) {
                tokens.put(role, apiTokens.create(role.name().toLowerCase(java.util.Locale.ROOT), role).token());
            }
        }
    }

    ServerFixture start(ServerOptions options) {
        server = CohortServer.start(home, options.withPort(0));
        return this;
    }

    /** A response: status and parsed JSON body (or null when the body is not JSON). */
    record Response(int status, JsonNode json, String text) {
        String errorCode() {
            return json.path("errors").path(0).path("code").asString();
        }

        String errorMessage() {
            return json.path("errors").path(0).path("message").asString();
        }
    }

    Response get(String path, Role role) {
        return send("GET", path, role, null);
    }

    Response post(String path, Role role, String body) {
        return send("POST", path, role, body);
    }

    Response send(String method, String path, Role role, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (role != null) {
            request.header("Authorization", "Bearer " + tokens.get(role));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = JSON.readTree(response.body());
            } catch (RuntimeException e) {
                // not JSON (metrics)
            }
            return new Response(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
