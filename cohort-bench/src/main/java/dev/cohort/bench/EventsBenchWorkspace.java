package dev.cohort.bench;

import dev.cohort.runtime.workspace.ApplyListener;
import dev.cohort.runtime.workspace.ApplyResult;
import dev.cohort.runtime.workspace.LoadedWorkspace;
import dev.cohort.runtime.workspace.WorkspaceHome;
import dev.cohort.runtime.workspace.WorkspaceReader;
import dev.cohort.runtime.workspace.WorkspaceService;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The events benchmark's workspace folder: nothing but the credentials and one {@code out} event connector,
 * {@value #CONNECTOR}, that takes Eagle Eye AIR's notifications on {@code /out/braze/air_to_braze} and sends them to
 * Braze's {@code /users/track} as the consumer with the wallet's {@code CUSTOMER_ID} identity. The secrets (AIR's
 * client secret, Braze's REST key, the connector's external key) are random for each workspace and sit in files next
 * to {@code cohort.yaml}, read through {@code ${file:…}} as an operator would keep them.
 *
 * @param root          the folder
 * @param clientId      AIR's API client id
 * @param clientSecret  AIR's client secret
 * @param brazeKey      Braze's REST API key
 * @param externalKey   the connector's external key: what AIR sends as {@code X-Auth-Token}
 */
record EventsBenchWorkspace(Path root, String clientId, String clientSecret, String brazeKey, String externalKey) {
    static final String CONNECTOR = "air_to_braze";
    static final String PLATFORM = "braze";
    static final String IDENTITY_TYPE = "CUSTOMER_ID";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A workspace in {@code root} with new random secrets; nothing is written yet. */
    static EventsBenchWorkspace create(Path root) {
        return new EventsBenchWorkspace(root, "cohort-bench", secret(), secret(), secret());
    }

    @Override
    public String toString() {
        return "EventsBenchWorkspace[root=" + root + ", clientId=" + clientId + ", secrets=****]";
    }

    /** The path AIR posts notifications to, on a server's base URL. */
    static String connectorPath() {
        return "/out/" + PLATFORM + "/" + CONNECTOR;
    }

    /** The workspace's state, with its metadata store at {@code databaseUrl} (a SQLite file or PostgreSQL). */
    WorkspaceHome home(String databaseUrl) {
        return WorkspaceHome.of(root, Optional.of(databaseUrl));
    }

    /** Writes {@code cohort.yaml} and the secret files, for the AIR stand-in at {@code air} and the Braze one at {@code braze}. */
    void write(URI air, URI braze) throws IOException {
        Files.createDirectories(root);
        Files.writeString(root.resolve("air_client_id"), clientId, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("air_client_secret"), clientSecret, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("braze_key"), brazeKey, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("connector_key"), externalKey, StandardCharsets.UTF_8);
        Files.writeString(root.resolve(WorkspaceReader.FILE_NAME), yaml(air, braze), StandardCharsets.UTF_8);
    }

    static String yaml(URI air, URI braze) {
        return """
                # Written by cohort-bench's EventsBenchmark.
                workspace:
                  name: events-bench
                  kind: sandbox

                credentials:
                  air: {type: eagle-eye-air, values: {client_id: "${file:air_client_id}", client_secret: "${file:air_client_secret}"}}
                  braze_api: {type: braze, values: {api_key: "${file:braze_key}"}}
                  connector_keys: {type: event-connector, values: {external_key: "${file:connector_key}"}}

                event_connectors:
                  %s:
                    direction: out
                    platform: %s
                    credential: braze_api
                    settings: {rest_endpoint: "%s"}
                    loyalty: {credential: air, settings: {base_url: "%s", trigger_path: /2.0/services/trigger}}
                    external_key: connector_keys
                    identity_type: %s
                """.formatted(CONNECTOR, PLATFORM, braze, air, IDENTITY_TYPE);
    }

    /** Applies the folder as {@code cohort apply} does, into the metadata store at {@code databaseUrl}. */
    void apply(String databaseUrl) {
        LoadedWorkspace files = WorkspaceReader.read(root);
        ApplyResult result;
        try (WorkspaceService service = WorkspaceService.openForApply(home(databaseUrl), files.definition(), Map.of())) {
            result = service.apply(service.plan(files), ApplyListener.SILENT);
        }
        if (result.hasProblems()) {
            throw new BenchmarkException("the events benchmark's workspace " + root + " did not apply: " + result.problems()
                    .stream().map(Object::toString).collect(Collectors.joining("; ")));
        }
    }

    private static String secret() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
