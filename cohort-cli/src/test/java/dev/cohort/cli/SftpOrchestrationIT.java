package dev.cohort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.model.Run;
import dev.cohort.model.RunStatus;
import dev.cohort.runtime.run.RunListener;
import dev.cohort.runtime.workspace.ApplyListener;
import dev.cohort.runtime.workspace.ApplyResult;
import dev.cohort.runtime.workspace.LoadedWorkspace;
import dev.cohort.runtime.workspace.WorkspaceHome;
import dev.cohort.runtime.workspace.WorkspaceReader;
import dev.cohort.runtime.workspace.WorkspaceScaffold;
import dev.cohort.runtime.workspace.WorkspaceService;
import dev.cohort.testing.sftp.SftpServerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orchestration runs through the whole product — workspace files, DuckDB, the store, the runtime and
 * the sftp destination — against the embedded SFTP server, including its faults.
 */
class SftpOrchestrationIT {
    @RegisterExtension
    static final SftpServerExtension SFTP = new SftpServerExtension();

    @TempDir
    Path root;

    private WorkspaceHome home;

    @BeforeEach
    void workspace() throws IOException {
        WorkspaceScaffold.create(root, "acme");
        Files.writeString(root.resolve("partner_key"), SFTP.clientPrivateKeyOpenSsh());
        home = WorkspaceHome.of(root, Optional.of("jdbc:sqlite:" + root.resolve(".cohort/metadata.db")));
    }

    private ApplyResult apply(String hostKey) throws IOException {
        Path yaml = root.resolve("cohort.yaml");
        Files.writeString(yaml, Files.readString(yaml) + """
                credentials:
                  partner: {type: sftp, values: {private_key: "${file:partner_key}"}}
                destinations:
                  partner:
                    type: sftp
                    credential: partner
                    settings: {host: %s, port: %d, user: %s, remote_folder: /, host_key: "%s", file_name: "{object}.csv"}
                orchestrations:
                  contacts: {query: loyalty_members, destination: partner, data_template: hashed_contacts}
                """.formatted(SFTP.host(), SFTP.port(), SftpServerExtension.KEY_USER, hostKey));
        LoadedWorkspace files = WorkspaceReader.read(root);
        try (WorkspaceService service = WorkspaceService.openForApply(home, files.definition(), Map.of())) {
            return service.apply(service.plan(files), ApplyListener.SILENT);
        }
    }

    private Run run(RunListener listener) {
        try (WorkspaceService service = WorkspaceService.open(home, Map.of())) {
            return service.run("contacts", null, listener);
        }
    }

    private List<String> partnerFolder() throws IOException {
        try (Stream<Path> files = Files.list(SFTP.userFolder())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRunPublishesOneCompleteFile() throws IOException {
        assertThat(apply(SFTP.hostKeyFingerprint()).problems()).isEmpty();

        Run run = run(RunListener.SILENT);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_WARNINGS);
        assertThat(partnerFolder()).containsExactly("loyalty_members.csv");
        List<String> lines = Files.readAllLines(SFTP.userFolder().resolve("loyalty_members.csv"));
        assertThat(lines).hasSize((int) run.counts().rowsSent() + 1);
        assertThat(run.files()).singleElement().satisfies(file -> {
            assertThat(file.location()).isEqualTo("sftp://" + SFTP.host() + ":" + SFTP.port() + "/");
            assertThat(file.bytes()).isEqualTo(Files.size(SFTP.userFolder().resolve("loyalty_members.csv")));
        });
    }

    @Test
    void aConnectionDroppedMidUploadIsRetriedAndLeavesNothingPartial() throws IOException {
        assertThat(apply(SFTP.hostKeyFingerprint()).problems()).isEmpty();
        SFTP.faults().dropConnectionAfterBytesWritten(200, 1);
        List<String> retries = new ArrayList<>();

        Run run = run(new RunListener() {
            @Override
            public void retrying(int failedAttempt, String error, Duration wait) {
                retries.add(error);
            }
        });

        assertThat(retries).singleElement().asString().isNotBlank();
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_WARNINGS);
        assertThat(run.attempts()).isEqualTo(2);
        assertThat(partnerFolder()).containsExactly("loyalty_members.csv");
    }

    @Test
    void aFullDiskFailsTheRunPlainlyAndLeavesNothingBehind() throws IOException {
        assertThat(apply(SFTP.hostKeyFingerprint()).problems()).isEmpty();
        SFTP.faults().storageQuota(SftpServerExtension.KEY_USER, 100);

        Run run = run(RunListener.SILENT);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorCode()).isEqualTo("SFTP_DISK_FULL");
        assertThat(run.errorMessage()).doesNotContain("BEGIN OPENSSH");
        assertThat(partnerFolder()).isEmpty();
    }

    @Test
    void aDestinationWithAnotherHostKeyIsNotSaved() throws IOException {
        ApplyResult result = apply("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        assertThat(result.problems()).anySatisfy(problem -> assertThat(problem.message())
                .startsWith("destination partner is not saved: its connection check failed: ")
                .contains(SFTP.hostKeyFingerprint()));
        assertThat(result.problems()).anySatisfy(problem -> assertThat(problem.message())
                .isEqualTo("orchestration contacts is not saved: its destination partner was not saved (see its problem)"));
    }
}
