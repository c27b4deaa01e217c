package dev.cohort.notify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link Notification}: the body of every webhook request. Field names are snake_case and
 * stable; every field is always present ({@code null} when it has no value), so receivers can rely on the
 * shape. Receivers written in Java can read a body back with {@link #read}. The format is documented, with an
 * example, in {@code docs/notifications.md}.
 */
public final class NotificationJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private NotificationJson() {
    }

    /** The notification as compact JSON, fields in a fixed order, {@code event} first. */
    public static String write(Notification n) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("event", n.event());
        json.put("id", n.id());
        json.put("workspace", n.workspace());
        json.put("level", n.level().name());
        json.put("title", n.title());
        json.put("message", n.message());
        json.put("orchestration", n.orchestration());
        json.put("run_id", n.runId());
        json.put("run_status", n.runStatus());
        json.put("rows_read", n.rowsRead());
        json.put("rows_sent", n.rowsSent());
        json.put("rows_rejected", n.rowsRejected());
        json.put("error_code", n.errorCode());
        json.put("error_message", n.errorMessage());
        json.put("created_at", n.createdAt().toString());
        return MAPPER.writeValueAsString(json);
    }

    /** {@link #write} as UTF-8 bytes, exactly what is signed and sent. */
    static byte[] bytes(Notification n) {
        return write(n).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a webhook body back into a notification; unknown fields are ignored, so receivers keep working when
     * Cohort adds fields.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static Notification read(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The notification is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("A notification is a JSON object; this is " + (node == null ? "empty" : node.getNodeType()) + ".");
        }
        return new Notification(longField(node, "id"), text(node, "workspace"), level(node), text(node, "title"),
                text(node, "message"), optionalLong(node, "run_id"), text(node, "orchestration"),
                text(node, "run_status"), longField(node, "rows_read"), longField(node, "rows_sent"),
                longField(node, "rows_rejected"), text(node, "error_code"), text(node, "error_message"),
                instant(node, "created_at"));
    }

    private static NotificationLevel level(JsonNode node) {
        String level = text(node, "level");
        try {
            return NotificationLevel.valueOf(level);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("The notification's `level` is `" + level + "`, not one of RUNNING,"
                    + " COMPLETED, WARNING, ERROR.", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Long optionalLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw new IllegalArgumentException("The notification's `" + field + "` must be a whole number, not " + value + ".");
        }
        return value.asLong();
    }

    private static long longField(JsonNode node, String field) {
        Long value = optionalLong(node, field);
        if (value == null) {
            throw new IllegalArgumentException("The notification has no `" + field + "`.");
        }
        return value;
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        try {
            if (value == null) {
                throw new IllegalArgumentException("The notification has no `" + field + "`.");
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The notification's `" + field + "` is `" + value
                    + "`, not an ISO-8601 instant like 2026-03-01T09:30:00Z.", e);
        }
    }
}
