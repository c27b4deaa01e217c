package dev.cohort.sandbox.air;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server's one JSON mapper (strict about duplicate keys) and a builder of ordered JSON objects. */
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

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    static String text(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** A JSON value of {@code node} as plain Java objects (maps, lists, strings, numbers, booleans, null). */
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

    /** AIR-style error body: {@code {"errorCode":"…","errorMessage":"…"}}. */
    static byte[] error(String code, String message) {
        return write(object("errorCode", code, "errorMessage", message));
    }
}
