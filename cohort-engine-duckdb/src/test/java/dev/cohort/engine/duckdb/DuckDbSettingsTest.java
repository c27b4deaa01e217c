package dev.cohort.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DuckDbSettingsTest {
    @Test
    void becomesDuckDbOptionsThatStreamAndNeverDownload() {
        DuckDbSettings settings = new DuckDbSettings("4GB", Optional.of(2), Path.of("/w/db.duckdb.tmp"));

        assertThat(settings.toConnectionProperties())
                .containsEntry("memory_limit", "4GB")
                .containsEntry("threads", "2")
                .containsEntry("temp_directory", "/w/db.duckdb.tmp")
                .containsEntry("jdbc_stream_results", "true")
                .containsEntry("autoinstall_known_extensions", "false");
    }

    @Test
    void defaultsToHalfTheMemoryAndDuckDbsThreads() {
        DuckDbSettings settings = DuckDbSettings.fromSystemProperties(Path.of("/t"));

        assertThat(settings.memoryLimit()).isEqualTo("50%");
        assertThat(settings.toConnectionProperties()).doesNotContainKey("threads");
    }

    @Test
    void refusesAThreadCountThatIsNotANumber() {
        System.setProperty(DuckDbSettings.THREADS_PROPERTY, "many");
        try {
            assertThatThrownBy(() -> DuckDbSettings.fromSystemProperties(Path.of("/t")))
                    .hasMessageContaining("-Dcohort.duckdb.threads=many is not a thread count");
        } finally {
            System.clearProperty(DuckDbSettings.THREADS_PROPERTY);
        }
    }
}
