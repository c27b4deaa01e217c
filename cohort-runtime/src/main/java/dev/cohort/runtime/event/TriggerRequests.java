package dev.cohort.runtime.event;

import dev.cohort.spi.event.NotificationRejectedException;
import dev.cohort.spi.event.NotificationRejectedException.Problem;
import dev.cohort.spi.event.Trigger;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the requests a platform sends to an {@code in} connector, as EE Connect defines them:
 * {@code {"type":"services/trigger","body":{"identityValue":"…","walletTransaction":{"reference":"…"},
 * "triggers":[{"reference":"<action reference>"}]}}}. Every problem is reported, by JSON path; fields it does
 * not know are ignored.
 */
public final class TriggerRequests {
    /** The only request type an {@code in} connector takes. */
    public static final String TYPE = "services/trigger";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TriggerRequests() {}

    /** @throws NotificationRejectedException with every problem */
    public static Trigger read(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new NotificationRejectedException(List.of(new Problem("$", "the body is not JSON: "
                    + String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse(""))));
        }
        List<Problem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new NotificationRejectedException(List.of(new Problem("$", "the body is not a JSON object")));
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isString()) {
            problems.add(new Problem("type", "missing: an inbound request says \"type\": \"" + TYPE + "\""));
        } else if (!TYPE.equals(type.asString())) {
            problems.add(new Problem("type", "'" + type.asString() + "' is not a request this connector takes (only '" + TYPE + "')"));
        }
        JsonNode request = root.get("body");
        if (request == null || !request.isObject()) {
            problems.add(new Problem("body", "missing: the request's body object with identityValue, walletTransaction and triggers"));
            throw new NotificationRejectedException(problems);
        }
        String identity = text(request, "identityValue", "body.identityValue", "the consumer's identity value", problems);
        JsonNode transaction = request.get("walletTransaction");
        String reference = null;
        if (transaction == null || !transaction.isObject()) {
            problems.add(new Problem("body.walletTransaction", "missing: {\"reference\": \"<a reference unique to this reward>\"}"));
        } else {
            reference = text(transaction, "reference", "body.walletTransaction.reference",
                    "a reference unique to this reward (a repeated reference rewards once)", problems);
        }
        List<String> actions = new ArrayList<>();
        JsonNode triggers = request.get("triggers");
        if (triggers == null || !triggers.isArray() || triggers.isEmpty()) {
            problems.add(new Problem("body.triggers", "missing: at least one {\"reference\": \"<action reference>\"}"));
        } else {
            for (int i = 0; i < triggers.size(); i++) {
                JsonNode trigger = triggers.get(i);
                if (trigger == null || !trigger.isObject()) {
                    problems.add(new Problem("body.triggers[" + i + "]", "is not an object with a reference"));
                    continue;
                }
                String action = text(trigger, "reference", "body.triggers[" + i + "].reference",
                        "the behavioural action's reference", problems);
                if (action != null) {
                    actions.add(action);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new NotificationRejectedException(problems);
        }
        return new Trigger(identity, reference, actions);
    }

    private static String text(JsonNode parent, String field, String path, String what, List<Problem> problems) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            problems.add(new Problem(path, "missing: " + what));
            return null;
        }
        if (!value.isString() || value.asString().isBlank()) {
            problems.add(new Problem(path, "must be a non-empty string: " + what));
            return null;
        }
        return value.asString();
    }
}
