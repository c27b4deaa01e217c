package dev.cohort.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cohort.testing.postgres.PostgresTestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** What a user is told when the PostgreSQL store cannot be used, and that a password never shows. */
class PostgresStoreErrorsIT {
    private static final String PASSWORD = "Pa55-never-shown";

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private ch.qos.logback.classic.Level previousLevel;

    /** Everything the libraries log, at DEBUG, is captured: a password must appear in none of it. */
    @BeforeEach
    void captureLogs() {
        logs.start();
        previousLevel = rootLogger().getLevel();
        rootLogger().setLevel(ch.qos.logback.classic.Level.DEBUG);
        rootLogger().addAppender(logs);
    }

    @AfterEach
    void stopCapturingLogs() {
        rootLogger().detachAppender(logs);
        rootLogger().setLevel(previousLevel);
    }

    @Test
    void aServerThatIsNotThereFailsFastNamingHostAndPort() {
        Instant start = Instant.now();

        StoreException error = openFailing("jdbc:postgresql://127.0.0.1:5999/cohort?user=cohort&password=" + PASSWORD);

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(error.errorCode()).isEqualTo(StoreException.UNREACHABLE);
        assertThat(error).hasMessage("Cannot reach the PostgreSQL metadata store at 127.0.0.1:5999 (connection "
                + "refused). Check that the server is running and that COHORT_DB_URL or --db-url is right.");
    }

    @Test
    void aPasswordBeforeTheHostIsNeverShownEither() {
        StoreException error = openFailing("jdbc:postgresql://cohort:" + PASSWORD + "@127.0.0.1:5999/cohort");

        assertThat(error.errorCode()).isEqualTo(StoreException.UNREACHABLE);
        assertThat(error).hasMessageStartingWith("Cannot reach the PostgreSQL metadata store at 127.0.0.1:5999 ");
    }

    @Test
    void aMissingDatabaseIsNamed() {
        StoreException error = openFailing(withParameter(
                DATABASE.jdbcUrl().replace("/" + DATABASE.name(), "/cohort_no_such_db"), "password", PASSWORD));

        assertThat(error.errorCode()).isEqualTo(StoreException.DATABASE_NOT_FOUND);
        assertThat(error).hasMessageMatching("The PostgreSQL server at [^ ]+ has no database 'cohort_no_such_db'\\. "
                + "Create it \\(createdb cohort_no_such_db\\) or correct the database name in COHORT_DB_URL or "
                + "--db-url\\.");
    }

    @Test
    void aRefusedLoginNamesTheUser() {
        StoreException error = openFailing(withParameter(withParameter(DATABASE.jdbcUrl(),
                "user", "cohort_no_such_role"), "password", PASSWORD));

        assertThat(error.errorCode()).isEqualTo(StoreException.ACCESS_DENIED);
        assertThat(error).hasMessageMatching("The PostgreSQL metadata store at [^ ]+ refused the login of user "
                + "'cohort_no_such_role' \\(authentication failed, the role does not exist, or pg_hba.conf does not "
                + "allow it\\)\\. Check the user and password in COHORT_DB_URL or --db-url\\.");
    }

    @Test
    void aWorkingStoreLogsNoPassword() {
        try (MetadataStore store = MetadataStores.open(withParameter(DATABASE.jdbcUrl(), "password", PASSWORD))) {
            assertThat(store.workspaces()).isEmpty();
        }

        assertThat(logs.list).isNotEmpty();
        assertNoPasswordLogged();
    }

    private StoreException openFailing(String url) {
        StoreException error = catchThrowableOfType(StoreException.class, () -> MetadataStores.open(url));
        assertThat(error).as("opening %s", UrlRedaction.redact(url)).isNotNull();
        assertThat(stackTrace(error)).doesNotContain(PASSWORD);
        assertNoPasswordLogged();
        return error;
    }

    private void assertNoPasswordLogged() {
        List<String> logged = logs.list.stream()
                .map(event -> event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                        : " " + event.getThrowableProxy().getMessage()))
                .toList();
        assertThat(logged).noneMatch(line -> line.contains(PASSWORD));
    }

    /** {@code url} with {@code key=value} as its only {@code key} parameter. */
    private static String withParameter(String url, String key, String value) {
        String without = url.replaceAll("([?&])" + key + "=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return without + (without.contains("?") ? "&" : "?") + key + "=" + value;
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
