package dev.cohort.runtime.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.model.EventConnectorDefinition;
import dev.cohort.model.EventConnectorDefinition.Direction;
import dev.cohort.model.Problem;
import dev.cohort.model.ValidationException;
import dev.cohort.model.WorkspaceDefinition;
import dev.cohort.runtime.store.ObjectKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code event_connectors} section of {@code cohort.yaml}: what it reads, how it is stored, and every problem with its place. */
class EventConnectorReaderTest {
    static final String EXAMPLE = """
            workspace: {name: acme}
            credentials:
              air: {type: eagle-eye-air, values: {client_id: "${env:AIR_CLIENT_ID}", client_secret: "${env:AIR_CLIENT_SECRET}"}}
              braze_api: {type: braze, values: {api_key: "${env:BRAZE_API_KEY}"}}
              connector_keys: {type: event-connector, values: {external_key: "${env:CONNECTOR_KEY}"}}
            event_connectors:
              air_to_braze:
                description: AIR events to Braze
                direction: out
                platform: braze
                credential: braze_api
                settings: {rest_endpoint: "https://rest.iad-01.braze.com", batch_size: 50}
                loyalty: {platform: eagle-eye-air, credential: air, settings: {base_url: "https://air.example.com"}}
                external_key: connector_keys
                identity_type: CUSTOMER_ID
                events: [POSCONNECT.WALLET.SETTLE, TIER.MEMBERSHIP.MOVE]
              braze_rewards:
                direction: in
                platform: braze
                loyalty: {credential: air, settings: {base_url: "https://air.example.com"}}
                external_key: connector_keys
            """;

    @TempDir
    Path root;

    private WorkspaceDefinition read(String yaml) throws IOException {
        Files.writeString(root.resolve("cohort.yaml"), yaml);
        return WorkspaceReader.read(root).definition();
    }

    private List<String> problems(String connectors) throws IOException {
        Files.writeString(root.resolve("cohort.yaml"), "workspace: {name: acme}\nevent_connectors:\n" + connectors);
        try {
            WorkspaceReader.read(root);
        } catch (ValidationException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected problems");
    }

    @Test
    void readsTheDocumentedExampleAndStoresItUnchanged() throws IOException {
        WorkspaceDefinition workspace = read(EXAMPLE);

        EventConnectorDefinition out = workspace.eventConnector("air_to_braze").orElseThrow();
        assertThat(out.direction()).isEqualTo(Direction.OUT);
        assertThat(out.platform()).isEqualTo("braze");
        assertThat(out.credential()).isEqualTo("braze_api");
        assertThat(out.settings()).isEqualTo(Map.of("rest_endpoint", "https://rest.iad-01.braze.com", "batch_size", 50L));
        assertThat(out.loyaltyPlatform()).isEqualTo("eagle-eye-air");
        assertThat(out.loyaltyCredential()).isEqualTo("air");
        assertThat(out.identityType()).isEqualTo("CUSTOMER_ID");
        assertThat(out.events()).containsExactly("POSCONNECT.WALLET.SETTLE", "TIER.MEMBERSHIP.MOVE");
        assertThat(out.enabled()).isTrue();
        EventConnectorDefinition in = workspace.eventConnector("braze_rewards").orElseThrow();
        assertThat(in.direction()).isEqualTo(Direction.IN);
        assertThat(in.loyaltyPlatform()).isEqualTo(EventConnectorDefinition.DEFAULT_LOYALTY_PLATFORM);
        assertThat(in.credential()).isNull();

        for (EventConnectorDefinition connector : workspace.eventConnectors()) {
            String stored = SpecCodec.encode(connector);
            assertThat(SpecCodec.decode(ObjectKind.EVENT_CONNECTOR, connector.name(), stored)).isEqualTo(connector);
        }
    }

    @Test
    void everyProblemIsReportedWithItsPlace() throws IOException {
        List<String> problems = problems("""
                  bad:
                    direction: sideways
                    platform: Braze Inc
                    external_key: keys
                    colour: blue
                  half:
                    direction: out
                    platform: braze
                    loyalty: {}
                """);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("direction is 'in'").contains("not 'sideways'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("needs 'loyalty: {credential:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("colour"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("half").contains("credential: <the platform's credential>"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("identity_type"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("external_key"));
        assertThat(problems).allSatisfy(p -> assertThat(p).contains("cohort.yaml"));
    }
}
