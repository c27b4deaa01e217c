package dev.cohort.sandbox.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.sshd.sftp.client.SftpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SftpFaults#latency}, seen from a real MINA client: every request is answered the latency later
 * (lower bounds only: the machine may be slower, never faster), pipelined writes overlap, and sessions
 * do not wait for each other.
 */
class SandboxSftpLatencyIT {
    private static final KeyPair PARTNER_KEY = SshKeys.generateEd25519();
    private static final Duration LATENCY = Duration.ofMillis(100);

    @TempDir
    Path root;
    private SandboxSftpServer server;

    @BeforeEach
    void start() {
        server = SandboxSftpServer.builder()
                .root(root)
                .user(SftpUser.named("partner").withAuthorizedKey(PARTNER_KEY.getPublic()))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyRequestOfAnOpenSessionIsAnsweredTheLatencyLater() throws IOException {
        try (SftpTestClient client = SftpTestClient.withKey(server, "partner", PARTNER_KEY)) {
            SftpClient sftp = client.sftp();
            server.faults().latency(LATENCY);

            assertAtLeast(1, () -> sftp.mkdir("/outbox"));
            assertAtLeast(3, () -> client.upload("/outbox/.part.csv", "id\n1\n".getBytes())); // open, write, close
            assertAtLeast(1, () -> sftp.stat("/outbox/.part.csv"));
            assertAtLeast(1, () -> sftp.lstat("/outbox/.part.csv"));
            assertAtLeast(1, () -> sftp.canonicalPath("outbox"));
            assertAtLeast(1, () -> sftp.rename("/outbox/.part.csv", "/outbox/members.csv"));
            assertAtLeast(2, () -> sftp.close(sftp.open("/outbox/members.csv"))); // open, close
            assertAtLeast(1, () -> sftp.remove("/outbox/members.csv"));

            server.faults().clear();
            assertThat(server.faults().latency()).isZero();
            client.upload("/outbox/after.csv", "id\n2\n".getBytes());
        }
        assertThat(server.userFolder("partner").resolve("outbox/after.csv")).hasContent("id\n2\n");
        assertThat(server.userFolder("partner").resolve("outbox/members.csv")).doesNotExist();
    }

    @Test
    void aNewSessionWaitsForTheVersionHandshakeToo() throws IOException {
        server.faults().latency(LATENCY);
        long start = System.nanoTime();
        try (SftpTestClient client = SftpTestClient.withKey(server, "partner", PARTNER_KEY)) {
            assertThat(elapsedSince(start)).isGreaterThanOrEqualTo(LATENCY);
            assertThat(client.sftp().isOpen()).isTrue();
        }
    }

    @Test
    void pipelinedWritesWaitForTheirAnswersTogetherAsOnARealLink() throws IOException {
        byte[] content = new byte[16 * 32 * 1024];
        Files.createDirectories(server.userFolder("partner"));
        try (SftpTestClient client = SftpTestClient.withKey(server, "partner", PARTNER_KEY)) {
            server.faults().latency(LATENCY);
            long start = System.nanoTime();
            try (OutputStream out = client.sftp().write("/big.csv", 32 * 1024)) {
                out.write(content); // 16 write requests, sent without waiting for each answer
            }
            Duration took = elapsedSince(start);

            assertThat(took).as("open, the writes and close each wait once").isGreaterThanOrEqualTo(LATENCY.multipliedBy(3));
            assertThat(took).as("the 16 writes did not wait one after another").isLessThan(LATENCY.multipliedBy(16));
        }
        assertThat(Files.size(server.userFolder("partner").resolve("big.csv"))).isEqualTo(content.length);
    }

    @Test
    void sessionsInParallelDoNotWaitForEachOther() throws Exception {
        int sessions = 4;
        int requestsEach = 2;
        Duration latency = Duration.ofMillis(200);
        List<SftpTestClient> clients = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < sessions; i++) {
                clients.add(SftpTestClient.withKey(server, "partner", PARTNER_KEY));
            }
            server.faults().latency(latency);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Duration>> took = new ArrayList<>();
            for (SftpTestClient client : clients) {
                took.add(threads.submit(() -> {
                    go.await();
                    long start = System.nanoTime();
                    for (int r = 0; r < requestsEach; r++) {
                        client.sftp().stat("/");
                    }
                    return elapsedSince(start);
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            Duration sum = Duration.ZERO;
            for (Future<Duration> session : took) {
                assertThat(session.get()).isGreaterThanOrEqualTo(latency.multipliedBy(requestsEach));
                sum = sum.plus(session.get());
            }
            Duration wall = elapsedSince(start);

            assertThat(wall).as("all sessions together, against the sum of their times " + sum).isLessThan(sum.dividedBy(2));
        } finally {
            clients.forEach(SftpTestClient::close);
        }
    }

    private static void assertAtLeast(int requests, SftpCall call) throws IOException {
        long start = System.nanoTime();
        call.run();
        assertThat(elapsedSince(start)).isGreaterThanOrEqualTo(LATENCY.multipliedBy(requests));
    }

    private static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @FunctionalInterface
    private interface SftpCall {
        void run() throws IOException;
    }
}
