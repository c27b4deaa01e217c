package dev.cohort.runtime.workspace;

import dev.cohort.spi.CohortException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Derived object state ({@link TableState}, {@link QueryState}) as JSON for the store. */
public final class StateCodec {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StateCodec() {}

    public static String encode(Object state) {
        return JSON.writeValueAsString(state);
    }

    public static <T> T decode(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException e) {
            throw new CohortException(SpecCodec.CORRUPT_SPEC, "the stored state is not readable as "
                    + type.getSimpleName() + "; apply the workspace again to rebuild it", e);
        }
    }
}
