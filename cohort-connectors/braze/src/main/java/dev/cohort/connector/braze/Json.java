package dev.cohort.connector.braze;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The connector's one JSON mapper: decimals written plain ({@code 12.50}, never {@code 1.25E+1}). */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private Json() {}

    /** @throws tools.jackson.core.JacksonException when {@code body} is not one JSON document */
    static JsonNode read(byte[] body) {
        return MAPPER.readTree(body);
    }

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }
}
