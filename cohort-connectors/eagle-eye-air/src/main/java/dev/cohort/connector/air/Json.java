package dev.cohort.connector.air;

import java.math.BigDecimal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The connector's one JSON mapper, and tolerant reads of AIR's JSON: AIR is loose about types (ids as strings or
 * numbers, an empty object written as {@code []}, bodies as JSON inside a string), so every read here takes what
 * it finds and answers null when the value is absent or of another kind.
 */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    /** @throws JacksonException when {@code body} is not one JSON document */
    static JsonNode read(byte[] body) {
        return MAPPER.readTree(body);
    }

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /** The node at {@code path} (property names separated by dots), or a missing node. */
    static JsonNode at(JsonNode node, String path) {
        JsonNode current = node == null ? MissingNode.getInstance() : node;
        int start = 0;
        while (true) {
            int dot = path.indexOf('.', start);
            String name = dot < 0 ? path.substring(start) : path.substring(start, dot);
            current = current.isObject() ? current.path(name) : MissingNode.getInstance();
            if (dot < 0) {
                return current;
            }
            start = dot + 1;
        }
    }

    /** The first of {@code paths} that holds a value (not null, not missing), or a missing node. */
    static JsonNode first(JsonNode node, String... paths) {
        for (String path : paths) {
            JsonNode found = at(node, path);
            if (present(found)) {
                return found;
            }
        }
        return MissingNode.getInstance();
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    /** A string or number as text (ids come either way), else null; blank text is null. */
    static String text(JsonNode node, String... paths) {
        for (String path : paths) {
            JsonNode found = at(node, path);
            String text = found.isString() ? found.stringValue() : found.isNumber() ? found.numberValue().toString()
                    : found.isBoolean() ? String.valueOf(found.booleanValue()) : null;
            if (text != null && !text.isBlank()) {
                return text.strip();
            }
        }
        return null;
    }

    /** A whole number (or a string holding one), else null. */
    static Long whole(JsonNode node, String... paths) {
        BigDecimal decimal = decimal(node, paths);
        if (decimal == null) {
            return null;
        }
        try {
            return decimal.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            return decimal.longValue();
        }
    }

    /** A number (or a string holding one), else null. */
    static BigDecimal decimal(JsonNode node, String... paths) {
        for (String path : paths) {
            JsonNode found = at(node, path);
            if (found.isNumber()) {
                return found.decimalValue();
            }
            if (found.isString()) {
                try {
                    return new BigDecimal(found.stringValue().strip());
                } catch (NumberFormatException e) {
                    // not a number: try the next place
                }
            }
        }
        return null;
    }

    /** A true boolean (or the string "true") at any of {@code paths}. */
    static boolean isTrue(JsonNode node, String... paths) {
        for (String path : paths) {
            JsonNode found = at(node, path);
            if (found.isBoolean() && found.booleanValue() || found.isString() && found.stringValue().equalsIgnoreCase("true")) {
                return true;
            }
        }
        return false;
    }

    /** An object, or an empty array (how AIR writes an empty object). */
    static boolean objectLike(JsonNode node) {
        return node.isObject() || node.isArray() && node.isEmpty();
    }

    /**
     * A body as AIR puts it in an envelope: an object as it is, or JSON inside a string read into a tree; a string
     * that is not JSON, and anything else, as it is.
     */
    static JsonNode embedded(JsonNode body) {
        if (body != null && body.isString()) {
            String text = body.stringValue().strip();
            if (text.startsWith("{") || text.startsWith("[")) {
                try {
                    return MAPPER.readTree(text);
                } catch (JacksonException e) {
                    return body;
                }
            }
        }
        return body == null ? MissingNode.getInstance() : body;
    }
}
