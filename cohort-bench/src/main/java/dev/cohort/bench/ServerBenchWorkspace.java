package dev.cohort.bench;

import dev.cohort.runtime.workspace.ApplyListener;
import dev.cohort.runtime.workspace.ApplyResult;
import dev.cohort.runtime.workspace.LoadedWorkspace;
import dev.cohort.runtime.workspace.WorkspaceHome;
import dev.cohort.runtime.workspace.WorkspaceReader;
import dev.cohort.runtime.workspace.WorkspaceService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The server benchmark's workspace folder: a tiny {@code members} table (a few dozen rows), one query
 * over it, and many orchestrations ({@code send_01}, {@code send_02}, …) spread round-robin over several
 * {@code sftp} destinations ({@code partner_01}, …), each logging in as its own user of the sandbox SFTP
 * server and writing {@code {orchestration}_{run}.csv} into the phase's folder. Spreading keeps the
 * queue's rules — one run at a time per orchestration, {@code --per-destination} per destination — from
 * serialising the runs.
 *
 * @param root the folder
 */
record ServerBenchWorkspace(Path root) {
    static final String QUERY = "members";
    private static final List<String> TIERS = List.of("bronze", "silver", "gold", "platinum");
    private static final List<String> CITIES = List.of("Lyon", "Austin", "Osaka", "Porto", "Leeds", "Quito");

    static String orchestration(int number) {
        return String.format(Locale.ROOT, "send_%02d", number);
    }

    static String destination(int number) {
        return String.format(Locale.ROOT, "partner_%02d", number);
    }

    /** The SFTP user of destination {@code number}: its folder on the sandbox server is its own. */
    static String sftpUser(int number) {
        return String.format(Locale.ROOT, "partner%02d", number);
    }

    /** The destination orchestration {@code number} (from 1) writes to: round-robin over {@code destinations}. */
    static int destinationOf(int orchestration, int destinations) {
        return (orchestration - 1) % destinations + 1;
    }

    Path privateKey() {
        return root.resolve("client_ed25519");
    }

    /** The workspace's state, with its metadata in the PostgreSQL database at {@code databaseUrl}. */
    WorkspaceHome home(String databaseUrl) {
        return WorkspaceHome.of(root, Optional.of(databaseUrl));
    }

    /**
     * Writes {@code cohort.yaml} and {@code data/members.csv}: {@code rows} members, {@code orchestrations}
     * orchestrations on {@code destinations} destinations of the SFTP server at 127.0.0.1:{@code port},
     * writing into {@code /<remoteFolder>}.
     */
    void write(int rows, int orchestrations, int destinations, int port, String hostKey, String remoteFolder)
            throws IOException {
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/members.csv"), members(rows), StandardCharsets.UTF_8);
        Files.writeString(root.resolve(WorkspaceReader.FILE_NAME), yaml(orchestrations, destinations, port, hostKey,
                remoteFolder), StandardCharsets.UTF_8);
    }

    static String members(int rows) {
        StringBuilder csv = new StringBuilder("member_id,tier,points,city\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(i).append(',').append(TIERS.get(i % TIERS.size())).append(',').append(i * 37 % 5000).append(',')
                    .append(CITIES.get(i % CITIES.size())).append('\n');
        }
        return csv.toString();
    }

    static String yaml(int orchestrations, int destinations, int port, String hostKey, String remoteFolder) {
        StringBuilder yaml = new StringBuilder("""
                # Written by cohort-bench's ServerBenchmark.
                workspace:
                  name: server-bench
                  kind: sandbox

                tables:
                  members:
                    file: data/members.csv
                    columns:
                      member_id: BIGINT
                      tier: VARCHAR
                      points: INTEGER
                      city: VARCHAR

                queries:
                  members:
                    sql: SELECT member_id, tier, points, city FROM members ORDER BY member_id
                    status: active

                credentials:
                  sftp:
                    type: sftp
                    values:
                      private_key: ${file:client_ed25519}

                destinations:
                """);
        for (int d = 1; d <= destinations; d++) {
            yaml.append(String.format(Locale.ROOT, """
                      %s:
                        type: sftp
                        credential: sftp
                        settings:
                          host: 127.0.0.1
                          port: %d
                          user: %s
                          remote_folder: /%s
                          host_key: "%s"
                          file_name: "{orchestration}_{run}.csv"
                    """, destination(d), port, sftpUser(d), remoteFolder, hostKey));
        }
        yaml.append("\norchestrations:\n");
        for (int o = 1; o <= orchestrations; o++) {
            yaml.append("  ").append(orchestration(o)).append(": {query: ").append(QUERY).append(", destination: ")
                    .append(destination(destinationOf(o, destinations))).append("}\n");
        }
        return yaml.toString();
    }

    /** Applies the folder as {@code cohort apply} does: metadata into the database, the table into this folder's DuckDB. */
    void apply(String databaseUrl) {
        LoadedWorkspace files = WorkspaceReader.read(root);
        ApplyResult result;
        try (WorkspaceService service = WorkspaceService.openForApply(home(databaseUrl), files.definition(), Map.of())) {
            result = service.apply(service.plan(files), ApplyListener.SILENT);
        }
        if (result.hasProblems()) {
            throw new BenchmarkException("the server benchmark's workspace " + root + " did not apply: " + result.problems()
                    .stream().map(Object::toString).collect(Collectors.joining("; ")));
        }
    }

    /**
     * Copies this folder for another node, as a second machine would have it: everything but the DuckDB
     * file, which each node has of its own (applying the copy loads the table into it).
     */
    ServerBenchWorkspace copyTo(Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(root.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else if (!path.getFileName().toString().startsWith("customer360")) {
                    Files.copy(path, copy);
                }
            }
        }
        return new ServerBenchWorkspace(target);
    }
}
