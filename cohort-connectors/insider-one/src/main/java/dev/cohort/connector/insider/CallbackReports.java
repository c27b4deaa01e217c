package dev.cohort.connector.insider;

import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.PartnerReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads Insider One's report on a run's callback URL with the configured field names:
 * {@code {"segment_name":"vip","status":"completed","valid_count":980,"invalid_count":20}} or
 * {@code {"status":"failed","reason":"…"}}. The status is required, and both counts when it is
 * {@code completed}; the segment's name, when present, must be the run's. Anything else is
 * {@link InsiderErrors#CALLBACK_INVALID}, naming the field and the setting that names it.
 */
final class CallbackReports {
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";
    private static final int MAX_LISTED_FIELDS = 20;

    private CallbackReports() {}

    static PartnerReport read(InsiderOneConfig config, byte[] body) {
        CallbackFieldNames names = config.callbackFields();
        JsonNode root;
        try {
            root = Json.read(body);
        } catch (JacksonException e) {
            throw invalid("the body is not valid JSON (" + InsiderApi.quotable(String.valueOf(e.getOriginalMessage()), config) + ")");
        }
        if (root == null || !root.isObject()) {
            throw invalid("the body is not a JSON object");
        }
        JsonNode segment = root.get(names.segmentName());
        if (segment != null && !segment.isNull()) {
            if (!segment.isString()) {
                throw invalid(field(names.segmentName(), InsiderOneSettings.CALLBACK_FIELD_SEGMENT_NAME.name()) + " is not a string");
            }
            String reported = segment.stringValue();
            if (!reported.equals(config.segmentName()) && !reported.equals(config.forTestRun().segmentName())) {
                throw invalid(field(names.segmentName(), InsiderOneSettings.CALLBACK_FIELD_SEGMENT_NAME.name())
                        + " names another segment than this run's '" + config.segmentName() + "'");
            }
        }
        String status = text(root, names.status(), InsiderOneSettings.CALLBACK_FIELD_STATUS.name()).toLowerCase(Locale.ROOT);
        return switch (status) {
            case COMPLETED -> PartnerReport.completed(count(root, names.validCount(), InsiderOneSettings.CALLBACK_FIELD_VALID_COUNT.name()),
                    count(root, names.invalidCount(), InsiderOneSettings.CALLBACK_FIELD_INVALID_COUNT.name()));
            case FAILED -> PartnerReport.failed(failure(root, names.reason(), config));
            default -> throw invalid(field(names.status(), InsiderOneSettings.CALLBACK_FIELD_STATUS.name()) + " is '"
                    + InsiderApi.quotable(status, config) + "', not " + COMPLETED + " or " + FAILED);
        };
    }

    private static String failure(JsonNode root, String reasonField, InsiderOneConfig config) {
        JsonNode reason = root.get(reasonField);
        String text = reason != null && reason.isString() ? InsiderApi.quotable(reason.stringValue(), config) : "";
        return "Insider One could not process segment '" + config.segmentName() + "'"
                + (text.isEmpty() ? " (it gave no reason)" : ": " + text);
    }

    private static String text(JsonNode root, String name, String setting) {
        JsonNode value = present(root, name, setting);
        if (!value.isString()) {
            throw invalid(field(name, setting) + " is not a string");
        }
        return value.stringValue();
    }

    private static long count(JsonNode root, String name, String setting) {
        JsonNode value = present(root, name, setting);
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0) {
            return value.longValue();
        }
        if (value.isString() && value.stringValue().matches("[0-9]{1,18}")) {
            return Long.parseLong(value.stringValue());
        }
        throw invalid(field(name, setting) + " is not a count (a whole number, 0 or more)");
    }

    private static JsonNode present(JsonNode root, String name, String setting) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            List<String> fields = new ArrayList<>();
            root.propertyNames().forEach(fields::add);
            String listed = fields.size() > MAX_LISTED_FIELDS
                    ? String.join(", ", fields.subList(0, MAX_LISTED_FIELDS)) + ", …" : String.join(", ", fields);
            throw invalid(field(name, setting) + " is missing (the report has " + (fields.isEmpty() ? "no fields" : "the fields "
                    + listed) + "); if Insider One names it otherwise, set " + setting);
        }
        return value;
    }

    private static String field(String name, String setting) {
        return "the field `" + name + "` (" + setting + ")";
    }

    private static PartnerException invalid(String detail) {
        return new PartnerException(InsiderErrors.CALLBACK_INVALID, "Insider One's report is not valid: " + detail);
    }
}
