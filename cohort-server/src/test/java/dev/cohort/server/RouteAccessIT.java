package dev.cohort.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.server.ServerFixture.Response;
import dev.cohort.server.api.Route;
import dev.cohort.server.auth.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Walks every route with every role (and with none), and checks the OpenAPI document against the route
 * table: each route declares its role, and the server enforces exactly that.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessIT {
    private ServerFixture fixture;

    @BeforeAll
    void serve(@TempDir Path root) throws Exception {
        fixture = new ServerFixture(root, "raw: {query: loyalty_members, destination: outbox}")
                .start(ServerOptions.defaults().withWorkers(0));
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void everyRouteAnswersEveryRoleAsItsDeclaredRoleSays() {
        List<String> violations = new ArrayList<>();
        for (Route route : fixture.server.routes()) {
            String path = route.path().replace("{name}", "raw").replace("{id}", "1").replace("{token}", "not-a-token").replace("{platform}", "braze").replace("{connector}", "none");
            String body = route.request() == null ? null : "{}";
            String method = route.method().name();
            ServerFixture.Response answer = fixture.send(method, path, null, body);
            int anonymous = answer.status();
            boolean refusedForRole = anonymous == 401 || anonymous == 403 && "FORBIDDEN".equals(answer.errorCode());
            if (route.isPublic() ? refusedForRole : anonymous != 401) {
                violations.add(method + " " + route.path() + " without a token: " + anonymous);
            }
            for (Role role : Role.values()) {
                ServerFixture.Response roleAnswer = fixture.send(method, path, role, body);
                int status = roleAnswer.status();
                boolean forbidden = status == 403 && "FORBIDDEN".equals(roleAnswer.errorCode());
                boolean allowed = route.isPublic() || role.includes(route.role());
                if (allowed ? status == 401 || forbidden : !forbidden) {
                    violations.add(method + " " + route.path() + " as " + role + ": " + status);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theOpenApiDocumentListsExactlyTheRoutesWithTheirRoles() {
        Response document = fixture.get("/api/v1/openapi.json", null);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().path("openapi").asString()).isEqualTo("3.1.0");

        Set<String> documented = new HashSet<>();
        document.json().path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode role = operation.getValue().path("x-cohort-role");
            documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " "
                    + (role.isMissingNode() ? "public" : role.asString()));
        }));
        Set<String> declared = new HashSet<>();
        for (Route route : fixture.server.routes()) {
            declared.add(route.method().name() + " " + route.path() + " " + (route.isPublic() ? "public" : route.role().name()));
        }
        assertThat(documented).isEqualTo(declared);
        assertThat(document.json().path("components").path("schemas").path("RunView").path("properties").has("rows_sent"))
                .isTrue();
    }
}
