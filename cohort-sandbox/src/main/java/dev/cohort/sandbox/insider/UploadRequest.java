package dev.cohort.sandbox.insider;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A valid upload body: which segment, which attribute, where to fetch the file and where to post the result.
 *
 * @param segmentName 1 to 40 characters, no control characters
 * @param attribute what the file's values are
 * @param csvUrl an absolute {@code http} or {@code https} URL
 * @param callbackUrl an absolute {@code http} or {@code https} URL
 * @param replace whether the body asked to replace an existing segment ({@code mode: replace})
 */
record UploadRequest(String segmentName, InsiderAttribute attribute, URI csvUrl, URI callbackUrl, boolean replace) {
    static final int MAX_SEGMENT_NAME = 40;
    static final String MODE_CREATE = "create";
    static final String MODE_REPLACE = "replace";

    UploadRequest {
        Objects.requireNonNull(segmentName, "segmentName");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(csvUrl, "csvUrl");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
    }

    /** An upload body that is not valid; {@link #getMessage()} says why (for the event log, not the answer). */
    static final class InvalidPayload extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidPayload(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Reads an upload body with these field names.
     *
     * @param modeAccepted whether the {@code mode} field exists; without it, it is an unknown field
     * @throws InvalidPayload naming the first problem found
     */
    static UploadRequest parse(byte[] body, InsiderUploadFields names, boolean modeAccepted) throws InvalidPayload {
        JsonNode root;
        try {
            root = Json.read(body);
        } catch (JacksonException e) {
            throw new InvalidPayload("the body is not one JSON object (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPayload("the body is not a JSON object");
        }
        Set<String> known = new LinkedHashSet<>(List.of(names.segmentName(), names.attribute(), names.csvUrl(), names.callbackUrl()));
        if (modeAccepted) {
            known.add(names.mode());
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!known.contains(field.getKey())) {
                throw new InvalidPayload("unknown field `" + field.getKey() + "`; the fields are " + known);
            }
        }
        String segmentName = requiredText(root, names.segmentName());
        if (segmentName.isBlank() || segmentName.codePointCount(0, segmentName.length()) > MAX_SEGMENT_NAME
                || segmentName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidPayload("`" + names.segmentName() + "` must be 1 to " + MAX_SEGMENT_NAME
                    + " characters without control characters (it has " + segmentName.codePointCount(0, segmentName.length()) + ")");
        }
        String attributeName = requiredText(root, names.attribute());
        InsiderAttribute attribute = InsiderAttribute.fromWireName(attributeName).orElseThrow(() -> new InvalidPayload(
                "`" + names.attribute() + "` must be email, phone_number or uuid"));
        URI csvUrl = httpUrl(names.csvUrl(), requiredText(root, names.csvUrl()));
        URI callbackUrl = httpUrl(names.callbackUrl(), requiredText(root, names.callbackUrl()));
        boolean replace = false;
        if (modeAccepted && root.has(names.mode())) {
            String mode = requiredText(root, names.mode());
            if (!mode.equals(MODE_CREATE) && !mode.equals(MODE_REPLACE)) {
                throw new InvalidPayload("`" + names.mode() + "` must be " + MODE_CREATE + " or " + MODE_REPLACE);
            }
            replace = mode.equals(MODE_REPLACE);
        }
        return new UploadRequest(segmentName, attribute, csvUrl, callbackUrl, replace);
    }

    private static String requiredText(JsonNode root, String field) throws InvalidPayload {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidPayload("the field `" + field + "` is missing");
        }
        if (!value.isString()) {
            throw new InvalidPayload("the field `" + field + "` must be a string");
        }
        return value.stringValue();
    }

    private static URI httpUrl(String field, String text) throws InvalidPayload {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidPayload("`" + field + "` must be an absolute http or https URL");
    }
}
