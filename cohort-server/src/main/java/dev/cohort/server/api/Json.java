package dev.cohort.server.api;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's JSON: snake_case names, ISO-8601 instants, and strict reading — an unknown field or a value of
 * the wrong type is an error that names the field, not something silently ignored.
 */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Json() {}

    /** Reads a request body as {@code type}, or fails with a 400 that says what is wrong and where. */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            body = "{}";
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = new ArrayList<>();
            if (e.getKnownPropertyIds() != null) {
                e.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            }
            throw new ApiError(400, "UNKNOWN_FIELD", "unknown field '" + e.getPropertyName() + "'"
                    + (known.isEmpty() ? "" : "; this request takes: " + String.join(", ", known.stream().sorted().toList())),
                    path(e));
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw new ApiError(400, "WRONG_TYPE", (field == null ? "the body" : "'" + field + "'") + " has the wrong type: "
                    + "expected " + describe(e.getTargetType()), field);
        } catch (StreamReadException e) {
            throw new ApiError(400, "MALFORMED_JSON", "the body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new ApiError(400, "BAD_REQUEST", "the body could not be read: " + e.getOriginalMessage(), path(e));
        }
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (Number.class.isAssignableFrom(type) || type == long.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
