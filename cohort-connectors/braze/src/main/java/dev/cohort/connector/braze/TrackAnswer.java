package dev.cohort.connector.braze;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Braze's answer body, read tolerantly: {@code {"message":"success","errors":[{"type":"…","input_array":"events","index":3}]}}.
 * An error that names an array and an index is an {@link ObjectError}; any other error is kept as text. A body that
 * is not JSON is kept as the message.
 */
record TrackAnswer(String message, List<ObjectError> objectErrors, List<String> otherErrors) {
    /** An error about one object of the request. */
    record ObjectError(TrackRequest.Array array, int index, String text) {}

    TrackAnswer {
        objectErrors = List.copyOf(objectErrors);
        otherErrors = List.copyOf(otherErrors);
    }

    static TrackAnswer parse(byte[] body) {
        JsonNode json;
        try {
            json = body.length == 0 ? null : Json.read(body);
        } catch (JacksonException e) {
            return new TrackAnswer(new String(body, StandardCharsets.UTF_8), List.of(), List.of());
        }
        if (json == null || !json.isObject()) {
            return new TrackAnswer(json == null ? "" : json.toString(), List.of(), List.of());
        }
        String message = json.path("message").isString() ? json.path("message").stringValue() : "";
        List<ObjectError> objectErrors = new ArrayList<>();
        List<String> otherErrors = new ArrayList<>();
        for (JsonNode error : json.path("errors")) {
            String text = text(error);
            TrackRequest.Array array = error.path("input_array").isString() ? TrackRequest.Array.byField(error.path("input_array").stringValue())
                    : null;
            JsonNode index = error.path("index");
            if (array != null && index.isIntegralNumber() && index.asInt() >= 0) {
                objectErrors.add(new ObjectError(array, index.asInt(), text));
            } else if (array != null && index.isString() && index.stringValue().strip().matches("\\d{1,9}")) {
                objectErrors.add(new ObjectError(array, Integer.parseInt(index.stringValue().strip()), text));
            } else {
                otherErrors.add(text);
            }
        }
        return new TrackAnswer(message, objectErrors, otherErrors);
    }

    private static String text(JsonNode error) {
        if (error.isString()) {
            return error.stringValue();
        }
        for (String field : new String[] {"type", "message", "error"}) {
            if (error.path(field).isString()) {
                return error.path(field).stringValue();
            }
        }
        return error.toString();
    }

    boolean success() {
        return message.equalsIgnoreCase("success");
    }
}
