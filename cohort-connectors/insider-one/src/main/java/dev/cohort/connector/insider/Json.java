package dev.cohort.connector.insider;

import java.util.Map;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The connector's one JSON mapper; a report naming a field twice is not a report. */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private Json() {}

    /** @throws tools.jackson.core.JacksonException when {@code body} is not one JSON document */
    static JsonNode read(byte[] body) {
        return MAPPER.readTree(body);
    }

    static byte[] write(Map<String, ?> object) {
        return MAPPER.writeValueAsBytes(object);
    }
}
