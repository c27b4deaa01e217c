package dev.cohort.sandbox.braze;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code POST /users/track} body as Braze does: the request as a whole is refused ({@code 400}) when it is
 * not an object of arrays, has more objects than the limits allow, or has no objects at all; otherwise each object is
 * checked on its own, and one that is wrong is skipped with a non-fatal error (the first thing wrong with it) while
 * the others are taken.
 */
final class UsersTrack {
    static final String ATTRIBUTES = "attributes";
    static final String EVENTS = "events";
    static final String PURCHASES = "purchases";
    static final String VALID_DATA_REQUIRED = "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields.";
    static final int MAX_KEY_LENGTH = 255;
    static final int MAX_STRING_LENGTH = 255;
    /** Braze's limit on an event's or purchase's properties: 50 KB of JSON (taken as 50,000 bytes). */
    static final int MAX_PROPERTIES_BYTES = 50_000;
    static final String IDENTIFIER_REQUIRED = "'external_id', 'user_alias', 'braze_id', 'email' or 'phone' is required";
    /** Fields of an attributes object that are not attributes. */
    private static final Set<String> NOT_ATTRIBUTES = Set.of("external_id", "user_alias", "braze_id", "_update_existing_only",
            "push_token_import");
    private static final DateTimeFormatter BRAZE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss:SSSZ");

    /** The most objects one request may carry: per array, and in all (0 for no such limit). */
    record Limits(int perArray, int perRequest) {
    }

    record AttributeUpdate(BrazeUserKey key, Map<String, Object> values, boolean updateExistingOnly) {
    }

    record EventUpdate(BrazeUserKey key, BrazeCustomEvent event, boolean updateExistingOnly) {
    }

    record PurchaseUpdate(BrazeUserKey key, BrazePurchase purchase, boolean updateExistingOnly) {
    }

    /** A request read: the objects to take, the errors of those skipped, and which arrays it had. */
    record Parsed(List<AttributeUpdate> attributes, List<EventUpdate> events, List<PurchaseUpdate> purchases,
                  List<BrazeObjectError> errors, boolean hasAttributes, boolean hasEvents, boolean hasPurchases) {
        int valid() {
            return attributes.size() + events.size() + purchases.size();
        }
    }

    /** The whole request is refused with {@code 400} and this message. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** One object's problem, the error's {@code type}. */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String type) {
            super(type);
        }
    }

    private UsersTrack() {
    }

    static Parsed read(JsonNode body, Limits limits, Instant receivedAt) throws Refused {
        if (body == null || !body.isObject()) {
            throw new Refused("The request body must be a JSON object with 'attributes', 'events' or 'purchases' arrays.");
        }
        JsonNode attributes = array(body, ATTRIBUTES);
        JsonNode events = array(body, EVENTS);
        JsonNode purchases = array(body, PURCHASES);
        int total = 0;
        for (JsonNode array : new JsonNode[] {attributes, events, purchases}) {
            total += array == null ? 0 : array.size();
        }
        checkLimit(ATTRIBUTES, attributes, limits);
        checkLimit(EVENTS, events, limits);
        checkLimit(PURCHASES, purchases, limits);
        if (limits.perRequest() > 0 && total > limits.perRequest()) {
            throw new Refused("Too many objects in this request: " + total + " attributes, events and purchases in all, at most "
                    + limits.perRequest() + " are allowed.");
        }
        if (total == 0) {
            throw new Refused(VALID_DATA_REQUIRED);
        }
        List<BrazeObjectError> errors = new ArrayList<>();
        List<AttributeUpdate> attributeUpdates = new ArrayList<>();
        List<EventUpdate> eventUpdates = new ArrayList<>();
        List<PurchaseUpdate> purchaseUpdates = new ArrayList<>();
        for (int i = 0; attributes != null && i < attributes.size(); i++) {
            try {
                attributeUpdates.add(attribute(attributes.get(i)));
            } catch (Invalid e) {
                errors.add(new BrazeObjectError(e.getMessage(), ATTRIBUTES, i));
            }
        }
        for (int i = 0; events != null && i < events.size(); i++) {
            try {
                eventUpdates.add(event(events.get(i), receivedAt));
            } catch (Invalid e) {
                errors.add(new BrazeObjectError(e.getMessage(), EVENTS, i));
            }
        }
        for (int i = 0; purchases != null && i < purchases.size(); i++) {
            try {
                purchaseUpdates.add(purchase(purchases.get(i), receivedAt));
            } catch (Invalid e) {
                errors.add(new BrazeObjectError(e.getMessage(), PURCHASES, i));
            }
        }
        return new Parsed(attributeUpdates, eventUpdates, purchaseUpdates, errors, attributes != null, events != null, purchases != null);
    }

    private static JsonNode array(JsonNode body, String name) throws Refused {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new Refused("'" + name + "' must be an array of objects.");
        }
        return node;
    }

    private static void checkLimit(String name, JsonNode array, Limits limits) throws Refused {
        if (array != null && array.size() > limits.perArray()) {
            throw new Refused("Too many " + name + " in this request: " + array.size() + " given, at most " + limits.perArray()
                    + " are allowed.");
        }
    }

    private static AttributeUpdate attribute(JsonNode object) throws Invalid {
        BrazeUserKey key = identify(object);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (NOT_ATTRIBUTES.contains(field.getKey())) {
                continue;
            }
            checkKey(field.getKey(), "Attribute");
            JsonNode value = field.getValue();
            checkString(value, "Attribute");
            if (value.isArray()) {
                for (JsonNode element : value) {
                    checkString(element, "Attribute");
                }
            }
            values.put(field.getKey(), Json.plain(value));
        }
        return new AttributeUpdate(key, values, updateExistingOnly(object));
    }

    private static EventUpdate event(JsonNode object, Instant receivedAt) throws Invalid {
        BrazeUserKey key = identify(object);
        String name = requiredString(object, "name");
        Instant time = time(object);
        Map<String, Object> properties = properties(object);
        JsonNode appId = object.get("app_id");
        if (appId != null && !appId.isNull() && !appId.isString()) {
            throw new Invalid("'app_id' must be a string");
        }
        String app = appId == null || appId.isNull() ? null : appId.stringValue();
        return new EventUpdate(key, new BrazeCustomEvent(name, time, properties, app, receivedAt), updateExistingOnly(object));
    }

    private static PurchaseUpdate purchase(JsonNode object, Instant receivedAt) throws Invalid {
        BrazeUserKey key = identify(object);
        String productId = requiredString(object, "product_id");
        if (productId.length() > MAX_STRING_LENGTH) {
            throw new Invalid("'product_id' must be at most " + MAX_STRING_LENGTH + " characters");
        }
        String code = requiredString(object, "currency");
        if (!code.matches("[A-Z]{3}") || !isCurrency(code)) {
            throw new Invalid("'currency' must be an ISO 4217 currency code, e.g. USD");
        }
        JsonNode price = object.get("price");
        if (price == null || price.isNull()) {
            throw new Invalid("'price' is required");
        }
        if (!price.isNumber()) {
            throw new Invalid("'price' must be a number");
        }
        int quantity = 1;
        JsonNode given = object.get("quantity");
        if (given != null && !given.isNull()) {
            if (!given.isIntegralNumber() || given.longValue() < 1 || given.longValue() > 100) {
                throw new Invalid("'quantity' must be an integer from 1 to 100");
            }
            quantity = given.intValue();
        }
        Instant time = time(object);
        Map<String, Object> properties = properties(object);
        BigDecimal amount = price.decimalValue();
        return new PurchaseUpdate(key, new BrazePurchase(productId, code, amount, quantity, time, properties, receivedAt),
                updateExistingOnly(object));
    }

    /** The user an object names, by Braze's precedence of identifiers. */
    static BrazeUserKey identify(JsonNode object) throws Invalid {
        if (object == null || !object.isObject()) {
            throw new Invalid("Each element must be a JSON object");
        }
        JsonNode alias = object.get("user_alias");
        for (BrazeUserKey.Kind kind : BrazeUserKey.Kind.values()) {
            JsonNode value = kind == BrazeUserKey.Kind.USER_ALIAS ? alias : object.get(kind.field());
            if (value == null || value.isNull()) {
                continue;
            }
            if (kind == BrazeUserKey.Kind.USER_ALIAS) {
                JsonNode name = value.isObject() ? value.get("alias_name") : null;
                JsonNode label = value.isObject() ? value.get("alias_label") : null;
                if (name == null || label == null || !name.isString() || !label.isString() || name.stringValue().isBlank()
                        || label.stringValue().isBlank()) {
                    throw new Invalid("'user_alias' must be an object with non-empty string 'alias_name' and 'alias_label'");
                }
                return new BrazeUserKey(kind, label.stringValue() + ":" + name.stringValue());
            }
            if (!value.isString() || value.stringValue().isBlank()) {
                throw new Invalid("'" + kind.field() + "' must be a non-empty string");
            }
            return new BrazeUserKey(kind, value.stringValue());
        }
        throw new Invalid(IDENTIFIER_REQUIRED);
    }

    private static String requiredString(JsonNode object, String field) throws Invalid {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new Invalid("'" + field + "' is required");
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            throw new Invalid("'" + field + "' must be a non-empty string");
        }
        return value.stringValue();
    }

    private static Instant time(JsonNode object) throws Invalid {
        String text = requiredString(object, "time");
        return parseTime(text).orElseThrow(() -> new Invalid("'time' must be an ISO-8601 date-time with an offset, e.g. 2030-01-01T09:30:00Z"));
    }

    /** An ISO-8601 date-time with {@code Z} or an offset, or Braze's {@code yyyy-MM-dd'T'HH:mm:ss:SSSZ}. */
    static Optional<Instant> parseTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notIso) {
            try {
                return Optional.of(OffsetDateTime.parse(text, BRAZE_TIME).toInstant());
            } catch (DateTimeParseException notBraze) {
                return Optional.empty();
            }
        }
    }

    private static Map<String, Object> properties(JsonNode object) throws Invalid {
        JsonNode properties = object.get("properties");
        if (properties == null || properties.isNull()) {
            return Map.of();
        }
        if (!properties.isObject()) {
            throw new Invalid("'properties' must be an object");
        }
        checkProperties(properties);
        if (Json.write(properties).length > MAX_PROPERTIES_BYTES) {
            throw new Invalid("'properties' must be at most 50 KB of JSON");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) Json.plain(properties);
        return values;
    }

    /** Keys at most 255 characters, not starting with {@code $}; string values at most 255 — at every depth. */
    private static void checkProperties(JsonNode node) throws Invalid {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                checkKey(field.getKey(), "Property");
                checkProperties(field.getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                checkProperties(element);
            }
        } else {
            checkString(node, "Property");
        }
    }

    private static void checkKey(String key, String what) throws Invalid {
        if (key.length() > MAX_KEY_LENGTH) {
            throw new Invalid(what + " names must be at most " + MAX_KEY_LENGTH + " characters");
        }
        if (key.startsWith("$")) {
            throw new Invalid(what + " names must not start with '$'");
        }
        if (key.isEmpty()) {
            throw new Invalid(what + " names must not be empty");
        }
    }

    private static void checkString(JsonNode value, String what) throws Invalid {
        if (value.isString() && value.stringValue().length() > MAX_STRING_LENGTH) {
            throw new Invalid(what + " string values must be at most " + MAX_STRING_LENGTH + " characters");
        }
    }

    private static boolean updateExistingOnly(JsonNode object) {
        JsonNode flag = object.get("_update_existing_only");
        return flag != null && flag.isBoolean() && flag.booleanValue();
    }

    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
