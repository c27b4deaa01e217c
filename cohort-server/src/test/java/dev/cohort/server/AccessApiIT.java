package dev.cohort.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.server.ServerFixture.Response;
import dev.cohort.server.auth.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Administrators manage tokens and users through the API; users sign in with HTTP Basic. */
class AccessApiIT {
    @TempDir
    Path root;

    private ServerFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    private int basic(String path, String name, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fixture.server.url() + path))
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void anAdministratorCreatesAUserWhoSignsInWithTheirPassword() throws Exception {
        fixture = new ServerFixture(root, "raw: {query: loyalty_members, destination: outbox}").start(
                ServerOptions.defaults().withWorkers(0));

        Response created = fixture.post("/api/v1/users", Role.ADMINISTRATOR,
                "{\"name\": \"ann\", \"role\": \"operator\", \"password\": \"correct horse battery\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("role").asString()).isEqualTo("OPERATOR");
        assertThat(created.text()).doesNotContain("correct horse").doesNotContain("argon2");
        assertThat(basic("/api/v1/runs", "ann", "correct horse battery")).isEqualTo(200);
        assertThat(basic("/api/v1/runs", "ann", "wrong horse battery")).isEqualTo(401);
        assertThat(basic("/api/v1/runs", "bob", "correct horse battery")).isEqualTo(401);
        assertThat(basic("/api/v1/users", "ann", "correct horse battery")).as("an operator manages no users").isEqualTo(403);
        assertThat(fixture.get("/api/v1/users", Role.ADMINISTRATOR).text()).contains("\"ann\"").doesNotContain("password");
    }

    @Test
    void everyProblemOfAUserRequestIsListedWithItsField() throws Exception {
        fixture = new ServerFixture(root, "raw: {query: loyalty_members, destination: outbox}").start(
                ServerOptions.defaults().withWorkers(0));

        Response refused = fixture.post("/api/v1/users", Role.ADMINISTRATOR,
                "{\"name\": \"a b\", \"role\": \"boss\", \"password\": \"short\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("name", "role", "password");
        assertThat(refused.text()).doesNotContain("short\"");
    }

    @Test
    void aTokenCreatedThroughTheApiWorksUntilRevoked() throws Exception {
        fixture = new ServerFixture(root, "raw: {query: loyalty_members, destination: outbox}").start(
                ServerOptions.defaults().withWorkers(0));

        Response created = fixture.post("/api/v1/tokens", Role.ADMINISTRATOR, "{\"name\": \"ci\", \"role\": \"user\"}");
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().path("token").asString();
        assertThat(token).startsWith("cohort_");

        HttpRequest list = HttpRequest.newBuilder(URI.create(fixture.server.url() + "/api/v1/runs"))
                .header("Authorization", "Bearer " + token).build();
        assertThat(HttpClient.newHttpClient().send(list, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(fixture.get("/api/v1/tokens", Role.ADMINISTRATOR).text()).contains("\"ci\"").doesNotContain(token);

        assertThat(fixture.send("DELETE", "/api/v1/tokens/ci", Role.ADMINISTRATOR, null).status()).isEqualTo(204);
        assertThat(HttpClient.newHttpClient().send(list, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }
}
