package dev.cohort.server;

import java.nio.file.Path;

/** Starts a server on the init scaffold's workspace, applied, for tests that need no orchestrations. */
public final class TestServers {
    private TestServers() {}

    public static CohortServer start(Path root, ServerOptions options) throws java.io.IOException {
        ServerFixture fixture = new ServerFixture(root, "raw: {query: loyalty_members, destination: outbox}");
        return fixture.start(options).server;
    }
}
