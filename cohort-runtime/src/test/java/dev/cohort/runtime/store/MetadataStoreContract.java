package dev.cohort.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.model.WorkspaceKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every behaviour of a {@link MetadataStore}, run on each backend by a subclass that says where the
 * store lives. Each test gets an empty store.
 */
abstract class MetadataStoreContract {
    private static final Instant START = Instant.parse("2026-03-01T10:15:30.123456789Z");
    private static final Instant START_IN_MILLIS = Instant.parse("2026-03-01T10:15:30.123Z");

    protected final MutableClock clock = new MutableClock(START);
    protected MetadataStore store;

    /** The URL of an empty store, the same for the whole test. */
    protected abstract String storeUrl();

    protected abstract String expectedBackend();

    @BeforeEach
    void openStore() {
        store = MetadataStores.open(storeUrl(), clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void namesItsBackend() {
        assertThat(store.backend()).isEqualTo(expectedBackend());
    }

    @Test
    void createsFindsAndListsWorkspacesByName() {
        WorkspaceRecord sandbox = store.createWorkspace("zeta-sandbox", WorkspaceKind.SANDBOX, "key00001");
        WorkspaceRecord production = store.createWorkspace("acme", WorkspaceKind.PRODUCTION, "key00002");

        assertThat(sandbox.id()).isNotEqualTo(production.id());
        assertThat(production).isEqualTo(new WorkspaceRecord(production.id(), "acme", WorkspaceKind.PRODUCTION,
                "key00002", START_IN_MILLIS));
        assertThat(store.findWorkspace("zeta-sandbox")).contains(sandbox);
        assertThat(store.findWorkspace("missing")).isEmpty();
        assertThat(store.workspaces()).containsExactly(production, sandbox);
    }

    @Test
    void refusesASecondWorkspaceOfTheSameName() {
        store.createWorkspace("acme", WorkspaceKind.SANDBOX, "key00001");

        assertThatThrownBy(() -> store.createWorkspace("acme", WorkspaceKind.PRODUCTION, "key00002"))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(StoreException.ALREADY_EXISTS))
                .hasMessage("A workspace named 'acme' already exists in the metadata store. "
                        + "Choose another name, or use the existing one.");
        assertThat(store.workspaces()).hasSize(1);
    }

    @Test
    void putCreatesVersionOneWithTheSpecHashAndTimestampsInMilliseconds() {
        ObjectRepository objects = objectsOfNewWorkspace();

        StoredObject stored = objects.put(ObjectKind.QUERY, "birthdays", "{\"sql\":\"select 1\"}", null, null);

        assertThat(stored.kind()).isEqualTo(ObjectKind.QUERY);
        assertThat(stored.name()).isEqualTo("birthdays");
        assertThat(stored.specJson()).isEqualTo("{\"sql\":\"select 1\"}");
        assertThat(stored.specHash()).isEqualTo(SpecHash.of("{\"sql\":\"select 1\"}")).hasSize(64);
        assertThat(stored.stateJson()).isEqualTo("{}");
        assertThat(stored.sealedSecret()).isNull();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.createdAt()).isEqualTo(START_IN_MILLIS);
        assertThat(stored.updatedAt()).isEqualTo(START_IN_MILLIS);
        assertThat(objects.find(ObjectKind.QUERY, "birthdays")).hasValueSatisfying(found -> assertSame(found, stored));
    }

    @Test
    void listsObjectsOfOneKindAndWorkspaceOrderedByName() {
        ObjectRepository acme = objectsOfNewWorkspace();
        ObjectRepository other = store.objects(
                store.createWorkspace("other", WorkspaceKind.SANDBOX, "key00001").id());
        acme.put(ObjectKind.QUERY, "members", "{}", null, null);
        acme.put(ObjectKind.QUERY, "birthdays", "{}", null, null);
        acme.put(ObjectKind.TABLE, "customers", "{}", null, null);
        other.put(ObjectKind.QUERY, "alpha", "{}", null, null);

        assertThat(acme.list(ObjectKind.QUERY)).extracting(StoredObject::name).containsExactly("birthdays", "members");
        assertThat(acme.list(ObjectKind.TABLE)).extracting(StoredObject::name).containsExactly("customers");
        assertThat(acme.list(ObjectKind.DESTINATION)).isEmpty();
        assertThat(acme.find(ObjectKind.TABLE, "birthdays")).isEmpty();
        assertThat(other.list(ObjectKind.QUERY)).extracting(StoredObject::name).containsExactly("alpha");
    }

    @Test
    void anIdenticalPutChangesNothingNotEvenUpdatedAt() {
        ObjectRepository objects = objectsOfNewWorkspace();
        StoredObject first = objects.put(ObjectKind.CREDENTIAL, "sftp", "{\"user\":\"u\"}", "{\"ok\":true}",
                new byte[] {1, 2, 3});
        clock.advance(Duration.ofMinutes(5));

        StoredObject again = objects.put(ObjectKind.CREDENTIAL, "sftp", "{\"user\":\"u\"}", "{\"ok\":true}",
                new byte[] {1, 2, 3});

        assertSame(again, first);
    }

    @Test
    void aChangedSpecStateOrSecretRaisesTheVersionAndUpdatedAt() {
        ObjectRepository objects = objectsOfNewWorkspace();
        objects.put(ObjectKind.CREDENTIAL, "sftp", "{\"v\":1}", null, new byte[] {1});

        clock.advance(Duration.ofSeconds(1));
        StoredObject newSpec = objects.put(ObjectKind.CREDENTIAL, "sftp", "{\"v\":2}", null, new byte[] {1});
        clock.advance(Duration.ofSeconds(1));
        StoredObject newState = objects.put(ObjectKind.CREDENTIAL, "sftp", "{\"v\":2}", "{\"checked\":1}", new byte[] {1});
        clock.advance(Duration.ofSeconds(1));
        StoredObject newSecret = objects.put(ObjectKind.CREDENTIAL, "sftp", "{\"v\":2}", "{\"checked\":1}", new byte[] {2});
        clock.advance(Duration.ofSeconds(1));
        StoredObject noSecret = objects.put(ObjectKind.CREDENTIAL, "sftp", "{\"v\":2}", "{\"checked\":1}", null);

        assertThat(List.of(newSpec, newState, newSecret, noSecret)).extracting(StoredObject::version)
                .containsExactly(2L, 3L, 4L, 5L);
        assertThat(newSpec.specHash()).isEqualTo(SpecHash.of("{\"v\":2}"));
        assertThat(noSecret.sealedSecret()).isNull();
        assertThat(noSecret.createdAt()).isEqualTo(START_IN_MILLIS);
        assertThat(noSecret.updatedAt()).isEqualTo(START_IN_MILLIS.plusSeconds(4));
    }

    @Test
    void updateStateReplacesOnlyTheStateAndIgnoresAnIdenticalOne() {
        ObjectRepository objects = objectsOfNewWorkspace();
        StoredObject created = objects.put(ObjectKind.QUERY, "members", "{\"sql\":\"x\"}", null, null);
        clock.advance(Duration.ofSeconds(1));

        StoredObject updated = objects.updateState(ObjectKind.QUERY, "members", "{\"status\":\"ACTIVE\"}");
        clock.advance(Duration.ofSeconds(1));
        StoredObject again = objects.updateState(ObjectKind.QUERY, "members", "{\"status\":\"ACTIVE\"}");

        assertThat(updated.stateJson()).isEqualTo("{\"status\":\"ACTIVE\"}");
        assertThat(updated.specJson()).isEqualTo(created.specJson());
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.updatedAt()).isEqualTo(START_IN_MILLIS.plusSeconds(1));
        assertSame(again, updated);
    }

    @Test
    void updateStateOfAMissingObjectSaysWhichAndWhere() {
        ObjectRepository objects = objectsOfNewWorkspace();

        assertThatThrownBy(() -> objects.updateState(ObjectKind.DATA_TEMPLATE, "koupon", "{}"))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(StoreException.OBJECT_NOT_FOUND))
                .hasMessage("There is no data template 'koupon' of workspace 'acme'. Apply the workspace to create it.");
    }

    @Test
    void deleteRemovesAnObjectAndTellsWhetherThereWasOne() {
        ObjectRepository objects = objectsOfNewWorkspace();
        objects.put(ObjectKind.DESTINATION, "braze", "{}", null, null);

        assertThat(objects.delete(ObjectKind.DESTINATION, "braze")).isTrue();
        assertThat(objects.delete(ObjectKind.DESTINATION, "braze")).isFalse();
        assertThat(objects.find(ObjectKind.DESTINATION, "braze")).isEmpty();
        assertThat(objects.put(ObjectKind.DESTINATION, "braze", "{}", null, null).version()).isEqualTo(1);
    }

    @Test
    void aTransactionKeepsAllItsChanges() {
        long workspace = store.createWorkspace("acme", WorkspaceKind.SANDBOX, "key00001").id();

        int saved = store.inTransaction(workspace, objects -> {
            objects.put(ObjectKind.TABLE, "customers", "{}", null, null);
            objects.put(ObjectKind.QUERY, "members", "{}", null, null);
            return objects.list(ObjectKind.TABLE).size() + objects.list(ObjectKind.QUERY).size();
        });

        assertThat(saved).isEqualTo(2);
        assertThat(store.objects(workspace).find(ObjectKind.QUERY, "members")).isPresent();
    }

    @Test
    void aTransactionThatThrowsKeepsNothing() {
        long workspace = store.createWorkspace("acme", WorkspaceKind.SANDBOX, "key00001").id();
        store.objects(workspace).put(ObjectKind.TABLE, "customers", "{\"v\":1}", null, null);
        IllegalStateException failure = new IllegalStateException("template check failed");

        assertThatThrownBy(() -> store.inTransaction(workspace, objects -> {
            objects.put(ObjectKind.TABLE, "customers", "{\"v\":2}", null, null);
            objects.put(ObjectKind.QUERY, "members", "{}", null, null);
            objects.delete(ObjectKind.TABLE, "customers");
            throw failure;
        })).isSameAs(failure);

        ObjectRepository objects = store.objects(workspace);
        assertThat(objects.find(ObjectKind.TABLE, "customers")).hasValueSatisfying(table -> {
            assertThat(table.specJson()).isEqualTo("{\"v\":1}");
            assertThat(table.version()).isEqualTo(1);
        });
        assertThat(objects.find(ObjectKind.QUERY, "members")).isEmpty();
    }

    @Test
    void keepsSecretBytesExactly() {
        ObjectRepository objects = objectsOfNewWorkspace();
        byte[] everyByte = new byte[256];
        IntStream.range(0, 256).forEach(i -> everyByte[i] = (byte) i);

        objects.put(ObjectKind.CREDENTIAL, "all", "{}", null, everyByte);
        objects.put(ObjectKind.CREDENTIAL, "empty", "{}", null, new byte[0]);

        assertThat(objects.find(ObjectKind.CREDENTIAL, "all").orElseThrow().sealedSecret()).isEqualTo(everyByte);
        assertThat(objects.find(ObjectKind.CREDENTIAL, "empty").orElseThrow().sealedSecret()).isEmpty();
    }

    @Test
    void eightThreadsPuttingAtOnceLoseNoWriteAndNoVersion() throws Exception {
        long workspace = store.createWorkspace("acme", WorkspaceKind.SANDBOX, "key00001").id();
        int threads = 8;
        int putsPerThread = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Void>> writers = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            int writer = thread;
            writers.add(() -> {
                start.await();
                ObjectRepository objects = store.objects(workspace);
                for (int put = 0; put < putsPerThread; put++) {
                    objects.put(ObjectKind.QUERY, "own-" + writer + "-" + put, "{}", null, null);
                    objects.put(ObjectKind.QUERY, "shared", "{\"writer\":" + writer + ",\"put\":" + put + "}", null, null);
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> done = writers.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Void> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        ObjectRepository objects = store.objects(workspace);
        assertThat(objects.list(ObjectKind.QUERY)).hasSize(threads * putsPerThread + 1);
        assertThat(objects.find(ObjectKind.QUERY, "shared").orElseThrow().version())
                .isEqualTo(threads * putsPerThread);
    }

    @Test
    void keepsUnicodeNamesAndSpecsAndOrdersNamesByCodePoint() {
        WorkspaceRecord workspace = store.createWorkspace("Café Zürich 東京", WorkspaceKind.SANDBOX, "key00001");
        ObjectRepository objects = store.objects(workspace.id());
        String spec = "{\"title\":\"Geburtstag im März — 誕生日 🎂\",\"quote\":\"\\\"x\\\"\"}";
        for (String name : List.of("😀 party", "東京", "Éclair", "apple", "Zebra")) {
            objects.put(ObjectKind.QUERY, name, spec, null, null);
        }

        assertThat(store.findWorkspace("Café Zürich 東京")).contains(workspace);
        assertThat(objects.list(ObjectKind.QUERY)).extracting(StoredObject::name)
                .containsExactly("Zebra", "apple", "Éclair", "東京", "😀 party");
        StoredObject stored = objects.find(ObjectKind.QUERY, "東京").orElseThrow();
        assertThat(stored.specJson()).isEqualTo(spec);
        assertThat(stored.specHash()).isEqualTo(SpecHash.of(spec));
    }

    @Test
    void reopeningKeepsTheDataAndDoesNotRunMigrationsAgain() throws SQLException {
        ObjectRepository objects = objectsOfNewWorkspace();
        StoredObject stored = objects.put(ObjectKind.TABLE, "customers", "{\"rows\":3}", "{\"count\":3}", new byte[] {7});
        store.close();

        store = MetadataStores.open(storeUrl(), clock);

        WorkspaceRecord workspace = store.findWorkspace("acme").orElseThrow();
        assertSame(store.objects(workspace.id()).find(ObjectKind.TABLE, "customers").orElseThrow(), stored);
        assertThat(appliedMigrations()).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void objectsOfAnUnknownWorkspaceAreRefused() {
        assertThatThrownBy(() -> store.objects(4242))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(StoreException.OBJECT_NOT_FOUND))
                .hasMessage("There is no workspace with id 4242 in the metadata store; it may have been deleted.");
    }

    @Test
    void aClosedStoreSaysSo() {
        store.close();

        assertThatThrownBy(() -> store.workspaces()).isInstanceOf(IllegalStateException.class)
                .hasMessage("The metadata store is closed");
    }

    private ObjectRepository objectsOfNewWorkspace() {
        return store.objects(store.createWorkspace("acme", WorkspaceKind.SANDBOX, "key00001").id());
    }

    /** The versions in Flyway's history, one row per migration ever applied. */
    private List<String> appliedMigrations() throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(storeUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    /** Records hold a byte array, so they compare it by identity: compare field by field. */
    private static void assertSame(StoredObject actual, StoredObject expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    }
}
