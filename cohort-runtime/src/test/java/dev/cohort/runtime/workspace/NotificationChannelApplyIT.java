package dev.cohort.runtime.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.model.NotificationChannelDefinition;
import dev.cohort.model.NotificationChannelDefinition.Webhook;
import dev.cohort.model.Problem;
import dev.cohort.model.ValidationException;
import dev.cohort.runtime.store.MetadataStores;
import dev.cohort.runtime.store.ObjectKind;
import dev.cohort.runtime.store.StoredObject;
import dev.cohort.spi.CohortException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notification channels through {@code cohort apply} on the real engine and a SQLite store: planned,
 * applied, applied again without change, changed, removed, exported, and opened with their
 * credential's values, which never reach the store in clear, the export or a message.
 */
class NotificationChannelApplyIT {
    private static final String HOOK_SECRET = "whsec-0123456789abcdef-Kq7";
    private static final String SMTP_PASSWORD = "correct horse battery staple";
    private static final String CHANNELS = """
            credentials:
              ops_hook: {type: webhook, values: {secret: "${env:OPS_HOOK_SECRET}"}}
              smtp_login: {type: smtp, values: {username: "${env:SMTP_USER}", password: "${env:SMTP_PASSWORD}"}}
            notifications:
              ops:
                description: Failures to the on-call channel
                webhook: {url: "https://hooks.example.com/cohort?token=in-the-url", credential: ops_hook}
                levels: [warning, error]
              data_team:
                email:
                  host: smtp.example.com
                  credential: smtp_login
                  from: cohort@example.com
                  to: [data-team@example.com, ops@example.com]
                levels: [error]
            """;

    @TempDir
    Path root;

    private final Map<String, String> environment = new HashMap<>();
    private WorkspaceHome home;
    private int scaffoldLines;

    @BeforeEach
    void scaffold() throws IOException {
        WorkspaceScaffold.create(root, "acme");
        home = WorkspaceHome.of(root, Optional.of("jdbc:sqlite:" + root.resolve(".cohort/metadata.db")));
        scaffoldLines = Files.readAllLines(root.resolve("cohort.yaml")).size();
        environment.put("OPS_HOOK_SECRET", HOOK_SECRET);
        environment.put("SMTP_USER", "cohort-mailer");
        environment.put("SMTP_PASSWORD", SMTP_PASSWORD);
    }

    private ApplyResult apply(ApplyListener listener) {
        LoadedWorkspace files = WorkspaceReader.read(root);
        try (WorkspaceService service = WorkspaceService.openForApply(home, files.definition(), environment)) {
            return service.apply(service.plan(files), listener, false);
        }
    }

    private ApplyResult apply() {
        return apply(ApplyListener.SILENT);
    }

    private Plan plan() {
        LoadedWorkspace files = WorkspaceReader.read(root);
        try (WorkspaceService service = WorkspaceService.openForApply(home, files.definition(), environment)) {
            return service.plan(files);
        }
    }

    private void append(String text) throws IOException {
        Path file = root.resolve("cohort.yaml");
        Files.writeString(file, Files.readString(file) + text);
    }

    private void edit(String from, String to) throws IOException {
        Path file = root.resolve("cohort.yaml");
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private List<String> changes() {
        return plan().changes().stream().map(PlannedChange::toString).toList();
    }

    @Test
    void channelsAreAppliedOnceAndOpenedWithTheirCredentialsValues() throws IOException {
        append(CHANNELS);
        assertThat(changes()).containsSubsequence(
                "+ data template hashed_contacts",
                "+ credential ops_hook",
                "+ credential smtp_login",
                "+ notification channel ops (webhook to https://hooks.example.com/…; warning, error)",
                "+ notification channel data_team (e-mail to 2 recipients via smtp.example.com:587; error)");

        ApplyResult result = apply();

        assertThat(result.problems()).isEmpty();
        assertThat(result.applied()).extracting(PlannedChange::kind).filteredOn(ObjectKind.NOTIFICATION_CHANNEL::equals).hasSize(2);
        assertThat(plan().isEmpty()).as("applying twice changes nothing").isTrue();

        try (WorkspaceService service = WorkspaceService.open(home, environment)) {
            assertThat(service.definition().notificationChannels())
                    .containsExactlyInAnyOrderElementsOf(WorkspaceReader.read(root).definition().notificationChannels());
            List<ResolvedNotificationChannel> channels = service.notificationChannels();
            assertThat(channels).extracting(ResolvedNotificationChannel::name).containsExactlyInAnyOrder("ops", "data_team");
            ResolvedNotificationChannel ops = channels.stream().filter(c -> c.name().equals("ops")).findFirst().orElseThrow();
            assertThat(ops.secrets()).isEqualTo(Map.of("secret", HOOK_SECRET));
            assertThat(ops.definition().target()).isInstanceOf(Webhook.class);
            ResolvedNotificationChannel team = channels.stream().filter(c -> c.name().equals("data_team")).findFirst().orElseThrow();
            assertThat(team.secrets()).isEqualTo(Map.of("username", "cohort-mailer", "password", SMTP_PASSWORD));
            assertThat(team.secret("password")).contains(SMTP_PASSWORD);
            assertThat(channels.toString()).contains("secret=***", "password=***", "username=***")
                    .doesNotContain(HOOK_SECRET, SMTP_PASSWORD, "cohort-mailer", "in-the-url");
        }
    }

    @Test
    void secretsNeverReachTheStoreInClearNorTheExport() throws IOException {
        append(CHANNELS);
        apply();

        String database = new String(Files.readAllBytes(root.resolve(".cohort/metadata.db")), StandardCharsets.ISO_8859_1);
        assertThat(database).doesNotContain(HOOK_SECRET).doesNotContain(SMTP_PASSWORD).doesNotContain("cohort-mailer");
        try (var store = MetadataStores.open(home.metadataUrl())) {
            long id = store.findWorkspace("acme").orElseThrow().id();
            List<StoredObject> stored = store.objects(id).list(ObjectKind.NOTIFICATION_CHANNEL);
            assertThat(stored).extracting(StoredObject::name).containsExactlyInAnyOrder("ops", "data_team");
            assertThat(stored).allSatisfy(o -> {
                assertThat(o.specJson()).doesNotContain(HOOK_SECRET, SMTP_PASSWORD, "cohort-mailer");
                assertThat(o.sealedSecret()).isNull();
            });
        }
        try (WorkspaceService service = WorkspaceService.open(home, environment)) {
            List<Path> files = service.export(root.resolve("export"));
            String yaml = Files.readString(files.getFirst());
            assertThat(yaml).contains("notifications:", "${env:OPS_HOOK_SECRET}", "${env:SMTP_PASSWORD}")
                    .doesNotContain(HOOK_SECRET).doesNotContain(SMTP_PASSWORD).doesNotContain("cohort-mailer");
            assertThat(WorkspaceReader.read(root.resolve("export")).definition().notificationChannels())
                    .containsExactlyInAnyOrderElementsOf(WorkspaceReader.read(root).definition().notificationChannels());
        }
    }

    @Test
    void aChangedChannelIsUpdatedAndARemovedOneGoesBeforeItsCredential() throws IOException {
        append(CHANNELS);
        apply();

        edit("levels: [warning, error]", "levels: [completed, warning, error]");
        environment.put("OPS_HOOK_SECRET", HOOK_SECRET + "-rotated");
        assertThat(changes()).containsExactly("~ credential ops_hook (values changed)",
                "~ notification channel ops (definition changed)");
        apply();
        try (WorkspaceService service = WorkspaceService.open(home, environment)) {
            assertThat(service.notificationChannels()).filteredOn(c -> c.name().equals("ops")).singleElement()
                    .satisfies(ops -> {
                        assertThat(ops.secrets()).containsEntry("secret", HOOK_SECRET + "-rotated");
                        assertThat(ops.definition().levels()).containsExactly(NotificationChannelDefinition.Level.COMPLETED,
                                NotificationChannelDefinition.Level.WARNING, NotificationChannelDefinition.Level.ERROR);
                    });
        }

        edit("  smtp_login: {type: smtp, values: {username: \"${env:SMTP_USER}\", password: \"${env:SMTP_PASSWORD}\"}}\n", "");
        edit("""
                  data_team:
                    email:
                      host: smtp.example.com
                      credential: smtp_login
                      from: cohort@example.com
                      to: [data-team@example.com, ops@example.com]
                    levels: [error]
                """, "");
        assertThat(plan().removals()).extracting(PlannedChange::toString)
                .containsExactlyInAnyOrder("- credential smtp_login", "- notification channel data_team");
        List<String> order = new ArrayList<>();
        apply(new ApplyListener() {
            @Override
            public void started(PlannedChange change) {
                order.add(change.toString());
            }
        });
        assertThat(order).containsExactly("- notification channel data_team", "- credential smtp_login");
        assertThat(plan().isEmpty()).isTrue();
        try (WorkspaceService service = WorkspaceService.open(home, environment)) {
            assertThat(service.notificationChannels()).extracting(ResolvedNotificationChannel::name).containsExactly("ops");
        }
    }

    @Test
    void credentialProblemsAreFoundBeforeAnythingChanges() throws IOException {
        int base = scaffoldLines;
        append("""
                credentials:
                  ops_hook: {type: webhook, values: {secret: "${env:OPS_HOOK_SECRET}"}}
                  sftp_login: {type: sftp, values: {password: "${env:SMTP_PASSWORD}"}}
                  half_smtp: {type: smtp, values: {username: "${env:SMTP_USER}"}}
                notifications:
                  typo: {webhook: {url: "https://hooks.example.com/a", credential: ops_hok}}
                  wrong_type: {email: {host: smtp.example.com, credential: sftp_login, from: a@example.com, to: b@example.com}}
                  half: {email: {host: smtp.example.com, credential: half_smtp, from: a@example.com, to: b@example.com}}
                  short: {webhook: {url: "https://hooks.example.com/b", credential: ops_hook}}
                """);
        environment.put("OPS_HOOK_SECRET", "too-short-123");

        assertThatThrownBy(this::apply).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                    "cohort.yaml:" + (base + 6) + ":3 (notifications.typo.webhook.credential): there is no credential"
                            + " 'ops_hok'; did you mean 'ops_hook'?",
                    "cohort.yaml:" + (base + 7) + ":3 (notifications.wrong_type.email.credential): credential sftp_login"
                            + " is of type sftp, but e-mail notification channels need one of type smtp",
                    "cohort.yaml:" + (base + 4) + ":3 (credentials.half_smtp.values): credential half_smtp has no value"
                            + " 'password', which notification channel half needs: add password: ${env:…} (or ${file:…})"
                            + " to its values",
                    "cohort.yaml:" + (base + 2) + ":3 (credentials.ops_hook.values.secret): the value 'secret' of"
                            + " credential ops_hook is shorter than 16 characters; notification channel short signs its"
                            + " requests with it: use a random string of at least 16 characters (e.g. from 'openssl rand"
                            + " -hex 32') and give the receiver the same one");
            assertThat(e.getMessage()).doesNotContain("too-short-123").doesNotContain(SMTP_PASSWORD);
        });
        try (var store = MetadataStores.open(home.metadataUrl())) {
            long id = store.findWorkspace("acme").orElseThrow().id();
            assertThat(store.objects(id).list(ObjectKind.CREDENTIAL)).isEmpty();
            assertThat(store.objects(id).list(ObjectKind.TABLE)).isEmpty();
        }
    }

    @Test
    void aChannelWhoseCredentialIsGoneFromTheStoreIsAClearError() throws IOException {
        append(CHANNELS);
        apply();
        try (var store = MetadataStores.open(home.metadataUrl())) {
            long id = store.findWorkspace("acme").orElseThrow().id();
            store.objects(id).delete(ObjectKind.CREDENTIAL, "ops_hook");
        }
        try (WorkspaceService service = WorkspaceService.open(home, environment)) {
            assertThatThrownBy(service::notificationChannels).isInstanceOfSatisfying(CohortException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(WorkspaceService.CHANNEL_NOT_USABLE);
                assertThat(e.getMessage()).isEqualTo("notification channel ops uses credential ops_hook, which workspace"
                        + " 'acme' does not hold: apply the workspace again ('cohort apply -f " + root.toAbsolutePath().normalize()
                        + "')");
            });
        }
    }
}
