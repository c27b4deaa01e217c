package dev.cohort.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetadataStoreUrlTest {
    private static final String ACCEPTED = "Use jdbc:sqlite:/path/to/metadata.db (a file on this machine) or "
            + "jdbc:postgresql://host:5432/database?user=name (a server several Cohort nodes share), "
            + "in COHORT_DB_URL or --db-url.";

    @Test
    void aUrlOfAnotherSchemeListsTheTwoAcceptedFormsWithoutItsPassword() {
        assertBadUrl("jdbc:mysql://cohort:hunter2@db:3306/meta?password=hunter2",
                "The metadata store URL jdbc:mysql://cohort:****@db:3306/meta?password=**** is neither SQLite nor "
                        + "PostgreSQL. " + ACCEPTED);
    }

    @Test
    void noUrlSaysWhatToGive() {
        assertBadUrl(" ", "No metadata store URL was given. " + ACCEPTED);
        assertBadUrl(null, "No metadata store URL was given. " + ACCEPTED);
    }

    @Test
    void aSqliteUrlMustNameAFileWithoutOptions() {
        assertBadUrl("jdbc:sqlite::memory:", "The metadata store URL jdbc:sqlite::memory: is not usable: it names no "
                + "file (an in-memory store would lose everything when Cohort stops). Write it as "
                + "jdbc:sqlite:/path/to/metadata.db.");
        assertBadUrl("jdbc:sqlite:/var/lib/cohort/metadata.db?journal_mode=DELETE", "The metadata store URL "
                + "jdbc:sqlite:/var/lib/cohort/metadata.db?journal_mode=DELETE is not usable: it has options after "
                + "'?'; Cohort sets the SQLite options itself. Write it as jdbc:sqlite:/path/to/metadata.db.");
    }

    @Test
    void aPostgresqlUrlMustNameADatabase() {
        assertBadUrl("jdbc:postgresql://db.internal:5432/?user=cohort&password=hunter2", "The metadata store URL "
                + "jdbc:postgresql://db.internal:5432/?user=cohort&password=**** is not usable: it names no database. "
                + "Write it as jdbc:postgresql://host:5432/database?user=name.");
    }

    @Test
    void takesCredentialsOutOfAPostgresqlUrl() {
        PostgresUrl fromUserInfo = PostgresUrl.parse("jdbc:postgresql://cohort:p%40ss%3Aword@db.internal/meta"
                + "?sslmode=require");
        PostgresUrl fromParameters = PostgresUrl.parse("jdbc:postgresql://db.internal:6432,db2/meta"
                + "?user=cohort&password=s3cret&ApplicationName=x");

        assertThat(fromUserInfo.user()).contains("cohort");
        assertThat(fromUserInfo.password()).contains("p@ss:word");
        assertThat(fromUserInfo.jdbcUrlWithoutCredentials())
                .isEqualTo("jdbc:postgresql://db.internal:5432/meta?sslmode=require");
        assertThat(fromUserInfo.location()).isEqualTo("db.internal:5432");
        assertThat(fromParameters.user()).contains("cohort");
        assertThat(fromParameters.password()).contains("s3cret");
        assertThat(fromParameters.parameters()).isEqualTo(List.of("ApplicationName=x"));
        assertThat(fromParameters.jdbcUrlWithoutCredentials())
                .isEqualTo("jdbc:postgresql://db.internal:6432,db2:5432/meta?ApplicationName=x");
        assertThat(fromParameters.toString()).isEqualTo("PostgresUrl[db.internal:6432,db2:5432/meta as cohort]");
        assertThat(PostgresUrl.parse("jdbc:postgresql://[::1]/meta").password()).isEqualTo(Optional.empty());
        assertThat(PostgresUrl.parse("jdbc:postgresql://[::1]/meta").location()).isEqualTo("[::1]:5432");
    }

    @Test
    void redactsPasswordsOfEveryForm() {
        assertThat(UrlRedaction.redact("jdbc:postgresql://u:pw@h/db?user=u&password=pw;x&PASSWORD=pw"))
                .isEqualTo("jdbc:postgresql://u:****@h/db?user=u&password=****;x&PASSWORD=****");
        assertThat(UrlRedaction.redact("jdbc:sqlite:/tmp/a:b@c.db")).isEqualTo("jdbc:sqlite:/tmp/a:b@c.db");
    }

    private static void assertBadUrl(String url, String message) {
        assertThatThrownBy(() -> MetadataStores.open(url))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(StoreException.BAD_URL))
                .hasMessage(message);
    }
}
