package dev.cohort.sandbox.air;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /2.0/services/trigger}, read leniently about fields it does not know:
 * {@code {"identityValue":"…","walletTransaction":{"reference":"…"},"triggers":[{"reference":"…"}, …]}}.
 */
record TriggerRequest(String identityValue, String reference, List<String> actionReferences) {
    static final int MAX_TRIGGERS = 50;
    static final int MAX_REFERENCE_LENGTH = 200;

    /** Thrown with every problem of a body, each naming its field. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(List<String> problems) {
            super(String.join("; ", problems));
        }
    }

    static TriggerRequest parse(JsonNode body) throws Invalid {
        List<String> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new Invalid(List.of("the body must be a JSON object {\"identityValue\":…,\"walletTransaction\":{\"reference\":…},"
                    + "\"triggers\":[{\"reference\":…}]}"));
        }
        String identityValue = text(body.get("identityValue"), "identityValue", problems);
        String reference = null;
        JsonNode transaction = body.get("walletTransaction");
        if (transaction == null || !transaction.isObject()) {
            problems.add("walletTransaction is required: an object with a unique reference");
        } else {
            reference = text(transaction.get("reference"), "walletTransaction.reference", problems);
            if (reference != null && reference.length() > MAX_REFERENCE_LENGTH) {
                problems.add("walletTransaction.reference is longer than " + MAX_REFERENCE_LENGTH + " characters");
            }
        }
        List<String> actions = new ArrayList<>();
        JsonNode triggers = body.get("triggers");
        if (triggers == null || !triggers.isArray() || triggers.isEmpty()) {
            problems.add("triggers is required: a non-empty array of {\"reference\":\"<action reference>\"}");
        } else if (triggers.size() > MAX_TRIGGERS) {
            problems.add("triggers has " + triggers.size() + " entries; at most " + MAX_TRIGGERS + " are taken in one request");
        } else {
            for (int i = 0; i < triggers.size(); i++) {
                JsonNode trigger = triggers.get(i);
                String action = trigger.isObject() ? text(trigger.get("reference"), "triggers[" + i + "].reference", problems) : null;
                if (!trigger.isObject()) {
                    problems.add("triggers[" + i + "] must be an object {\"reference\":\"<action reference>\"}");
                }
                if (action != null) {
                    actions.add(action);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return new TriggerRequest(identityValue, reference, List.copyOf(actions));
    }

    private static String text(JsonNode node, String field, List<String> problems) {
        if (node == null || node.isNull()) {
            problems.add(field + " is required");
            return null;
        }
        if (!node.isString() || node.stringValue().isBlank()) {
            problems.add(field + " must be a non-blank string");
            return null;
        }
        return node.stringValue();
    }

    @Override
    public String toString() {
        return "TriggerRequest[identityValue=****, reference=" + reference + ", actionReferences=" + actionReferences + "]";
    }
}
