package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsBenchWorkspaceTest {
    @Test
    void writesOneOutConnectorFromAirToBrazeWithItsSecretsInFiles(@TempDir Path root) throws Exception {
        EventsBenchWorkspace workspace = EventsBenchWorkspace.create(root);

        workspace.write(URI.create("http://127.0.0.1:4001"), URI.create("http://127.0.0.1:4002"));

        String yaml = Files.readString(root.resolve("cohort.yaml"));
        assertThat(yaml).contains("  air_to_braze:\n    direction: out\n    platform: braze\n",
                "settings: {rest_endpoint: \"http://127.0.0.1:4002\"}",
                "loyalty: {credential: air, settings: {base_url: \"http://127.0.0.1:4001\"",
                "identity_type: CUSTOMER_ID", "external_key: \"${file:connector_key}\"");
        assertThat(yaml).doesNotContain(workspace.clientSecret(), workspace.brazeKey(), workspace.externalKey());
        assertThat(root.resolve("connector_key")).hasContent(workspace.externalKey());
        assertThat(root.resolve("braze_key")).hasContent(workspace.brazeKey());
        assertThat(workspace.externalKey()).hasSize(32).isNotEqualTo(EventsBenchWorkspace.create(root).externalKey());
        assertThat(workspace.toString()).doesNotContain(workspace.clientSecret(), workspace.brazeKey(), workspace.externalKey());
        assertThat(EventsBenchWorkspace.connectorPath()).isEqualTo("/out/braze/air_to_braze");
    }
}
