package dev.cohort.sandbox.braze;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server's one JSON mapper (strict about duplicate keys; decimals as {@link java.math.BigDecimal}). */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {
    }

    /** @throws tools.jackson.core.JacksonException when {@code body} is not one JSON document */
    static JsonNode read(byte[] body) {
        return MAPPER.readTree(body);
    }

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /** A JSON value as plain Java objects (maps, lists, strings, numbers, booleans, null). */
    static Object plain(JsonNode node) {
        return MAPPER.convertValue(node, Object.class);
    }

    /** An ordered JSON object from {@code name, value, name, value, …}; values may be null. */
    static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    /** Braze's error body: {@code {"message":"…"}}. */
    static byte[] message(String message) {
        return write(object("message", message));
    }
}
