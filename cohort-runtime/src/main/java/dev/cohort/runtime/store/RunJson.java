package dev.cohort.runtime.store;

import dev.cohort.model.RunFile;
import dev.cohort.model.RunRejection;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON columns of {@code runs}: a run's sample of rejections and its published files, as arrays of
 * the model records' fields. Properties added by a later version are ignored when read. Thread-safe.
 */
final class RunJson {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final JavaType REJECTIONS = JSON.getTypeFactory().constructCollectionType(List.class, RunRejection.class);
    private static final JavaType FILES = JSON.getTypeFactory().constructCollectionType(List.class, RunFile.class);

    private RunJson() {}

    static String rejections(List<RunRejection> rejections) {
        return JSON.writeValueAsString(rejections == null ? List.of() : rejections);
    }

    static String files(List<RunFile> files) {
        return JSON.writeValueAsString(files == null ? List.of() : files);
    }

    static List<RunRejection> readRejections(long runId, String json) {
        return read(runId, "rejections_json", json, REJECTIONS);
    }

    static List<RunFile> readFiles(long runId, String json) {
        return read(runId, "files_json", json, FILES);
    }

    private static <T> List<T> read(long runId, String column, String json, JavaType type) {
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException e) {
            throw new StoreException(StoreException.STORE_FAILURE, "The " + column + " of run " + runId
                    + " in the metadata store is not readable (" + e.getClass().getSimpleName()
                    + "). The store is damaged; restore a backup or report it.", e);
        }
    }
}
