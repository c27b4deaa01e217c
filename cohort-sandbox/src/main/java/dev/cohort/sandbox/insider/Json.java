package dev.cohort.sandbox.insider;

import java.util.Map;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server's one JSON mapper: strict about duplicate keys, so {@code {"a":1,"a":2}} is not a valid payload. */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    /** @throws tools.jackson.core.JacksonException when {@code body} is not one JSON document */
    static JsonNode read(byte[] body) {
        return MAPPER.readTree(body);
    }

    static byte[] write(Map<String, ?> object) {
        return MAPPER.writeValueAsBytes(object);
    }

    /** {@code {"error":"<message>"}}, Insider's shape for error answers. */
    static byte[] error(String message) {
        return write(Map.of("error", message));
    }
}
