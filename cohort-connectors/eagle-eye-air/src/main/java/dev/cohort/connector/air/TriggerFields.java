package dev.cohort.connector.air;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a delivery's fields put what a trigger needs: {@code identity_value} (required) and {@code action_reference}
 * (optional when the destination sets one), names compared ignoring case.
 *
 * @param identity the index of {@code identity_value}
 * @param action   the index of {@code action_reference}, or -1 when the delivery has none
 */
record TriggerFields(int identity, int action) {
    static final String IDENTITY_VALUE = "identity_value";
    static final String ACTION_REFERENCE = "action_reference";
    static final List<String> NAMES = List.of(IDENTITY_VALUE, ACTION_REFERENCE);

    /** The fields' places; call only when {@link #problems} found none. */
    static TriggerFields of(List<String> fields) {
        return new TriggerFields(indexOf(fields, IDENTITY_VALUE), indexOf(fields, ACTION_REFERENCE));
    }

    /** What is wrong with sending {@code fields} under {@code config}, in plain words; empty when nothing is. */
    static List<String> problems(AirTriggerConfig config, List<String> fields) {
        List<String> problems = new ArrayList<>();
        String outputs = fields.isEmpty() ? "it outputs no field" : "it outputs " + String.join(", ", fields);
        if (indexOf(fields, IDENTITY_VALUE) < 0) {
            problems.add("AIR rewards need a field identity_value, the consumer's identity as AIR knows it (the customer id, card"
                    + " number or other identity of the wallet), but " + outputs + ": rename the column (SELECT loyalty_id AS"
                    + " identity_value) or map identity_value in a data template");
        }
        if (indexOf(fields, ACTION_REFERENCE) < 0 && config.actionReference() == null) {
            problems.add("no behavioural action to trigger: set action_reference in the destination's settings (the action's"
                    + " reference in AIR, e.g. LATE_DELIVERY_500), or give a field action_reference per row");
        }
        for (String name : NAMES) {
            long count = fields.stream().filter(field -> field.equalsIgnoreCase(name)).count();
            if (count > 1) {
                problems.add("field " + name + " appears " + count + " times (names are compared ignoring case): keep one");
            }
        }
        List<String> others = fields.stream().filter(field -> !NAMES.contains(field.toLowerCase(Locale.ROOT))).toList();
        boolean renameAdvised = indexOf(fields, IDENTITY_VALUE) < 0 && others.size() == 1;
        if (!others.isEmpty() && !renameAdvised) {
            problems.add((others.size() == 1 ? "field " + others.getFirst() + " is" : "fields " + String.join(", ", others) + " are")
                    + " not used: an AIR trigger takes only identity_value and action_reference; leave "
                    + (others.size() == 1 ? "it" : "them") + " out of the query or data template (personal data not needed is"
                    + " better not read)");
        }
        return problems;
    }

    private static int indexOf(List<String> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
