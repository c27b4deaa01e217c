package dev.cohort.connector.insider;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.cohort.spi.config.SecretSpec;
import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.config.SettingType;
import dev.cohort.spi.config.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The settings and credential values of {@code type: insider-one}, declared once, and their binding into an
 * {@link InsiderOneConfig}: every problem is recorded in {@link Settings} at once, and no problem shows a
 * credential value.
 */
public final class InsiderOneSettings {
    /** The credential type an Insider One destination's credential must have. */
    public static final String CREDENTIAL_TYPE = "insider-one";
    /** Insider's limit on segment names, in characters. */
    public static final int MAX_SEGMENT_NAME = 40;
    /** The longest {@code timeout}: Insider reports within about an hour; a day is a generous ceiling. */
    public static final Duration MAX_TIMEOUT = Duration.ofHours(24);
    static final String SEGMENT_NAME_TOKEN = "{segment_name}";

    public static final SettingSpec SEGMENT_NAME = SettingSpec.required("segment_name", SettingType.STRING,
            "The segment's name in Insider One: 1 to 40 characters, unique in the Insider account.");
    public static final SettingSpec ATTRIBUTE = SettingSpec.choice("attribute", null,
            "What the values are: email, phone_number or uuid; the query must output one column of this name.",
            "email", "phone_number", "uuid");
    public static final SettingSpec BASE_URL = SettingSpec.optional("base_url", SettingType.STRING, "https://contact.useinsider.com",
            "The FPS API's base URL (the upload goes to <base_url>/fps/v1/upload); the sandbox's URL to try it.");
    public static final SettingSpec MODE = SettingSpec.choice("mode", "replace",
            "replace: the segment becomes the run's values; add: they are added to it; remove: they are taken out of it"
                    + " (add and remove download the segment, merge, and upload it whole).",
            "replace", "add", "remove");
    public static final SettingSpec DEFAULT_REGION = SettingSpec.optional("default_region", SettingType.STRING, null,
            "For phone_number: the ISO 3166 region (US, GB, TR) of numbers written without +country code; unset, such numbers"
                    + " are rejected rows.");
    public static final SettingSpec TIMEOUT = SettingSpec.optional("timeout", SettingType.DURATION, "1h",
            "How long Insider One may take to report its valid and invalid counts before the run fails (30m, 1h, PT2H).");
    public static final SettingSpec UPLOAD_FIELD_SEGMENT_NAME = field("upload_field_segment_name", "upload body", "the segment's name",
            UploadFieldNames.DEFAULTS.segmentName());
    public static final SettingSpec UPLOAD_FIELD_ATTRIBUTE = field("upload_field_attribute", "upload body", "the attribute",
            UploadFieldNames.DEFAULTS.attribute());
    public static final SettingSpec UPLOAD_FIELD_CSV_URL = field("upload_field_csv_url", "upload body", "the file's URL",
            UploadFieldNames.DEFAULTS.csvUrl());
    public static final SettingSpec UPLOAD_FIELD_CALLBACK_URL = field("upload_field_callback_url", "upload body", "the callback URL",
            UploadFieldNames.DEFAULTS.callbackUrl());
    public static final SettingSpec UPLOAD_FIELD_MODE = SettingSpec.optional("upload_field_mode", SettingType.STRING,
            UploadFieldNames.DEFAULTS.mode(), "The upload body's field that says \"replace\" (replace the segment of that name);"
                    + " \"\" leaves it out, and an existing name is then refused with Segment Name Exists.");
    public static final SettingSpec CALLBACK_FIELD_SEGMENT_NAME = field("callback_field_segment_name", "callback report",
            "the segment's name (checked when present)", CallbackFieldNames.DEFAULTS.segmentName());
    public static final SettingSpec CALLBACK_FIELD_STATUS = field("callback_field_status", "callback report",
            "the status, completed or failed", CallbackFieldNames.DEFAULTS.status());
    public static final SettingSpec CALLBACK_FIELD_VALID_COUNT = field("callback_field_valid_count", "callback report",
            "the count of valid values", CallbackFieldNames.DEFAULTS.validCount());
    public static final SettingSpec CALLBACK_FIELD_INVALID_COUNT = field("callback_field_invalid_count", "callback report",
            "the count of invalid values", CallbackFieldNames.DEFAULTS.invalidCount());
    public static final SettingSpec CALLBACK_FIELD_REASON = field("callback_field_reason", "callback report",
            "why a failed upload failed", CallbackFieldNames.DEFAULTS.reason());
    public static final SettingSpec SEGMENT_DOWNLOAD_PATH = SettingSpec.optional("segment_download_path", SettingType.STRING,
            "/fps/v1/segments/" + SEGMENT_NAME_TOKEN + "/download", "For add and remove: the path, under base_url, that gives the"
                    + " current segment back one value per line; " + SEGMENT_NAME_TOKEN + " is the segment's name (Insider does not"
                    + " publish this endpoint: the default is Cohort's sandbox's).");

    public static final List<SettingSpec> SETTINGS = List.of(SEGMENT_NAME, ATTRIBUTE, BASE_URL, MODE, DEFAULT_REGION, TIMEOUT,
            UPLOAD_FIELD_SEGMENT_NAME, UPLOAD_FIELD_ATTRIBUTE, UPLOAD_FIELD_CSV_URL, UPLOAD_FIELD_CALLBACK_URL, UPLOAD_FIELD_MODE,
            CALLBACK_FIELD_SEGMENT_NAME, CALLBACK_FIELD_STATUS, CALLBACK_FIELD_VALID_COUNT, CALLBACK_FIELD_INVALID_COUNT,
            CALLBACK_FIELD_REASON, SEGMENT_DOWNLOAD_PATH);

    public static final SecretSpec PARTNER_NAME = new SecretSpec("partner_name", true,
            "The Insider One account's partner name, sent as X-PARTNER-NAME (lower-cased).");
    public static final SecretSpec API_TOKEN = new SecretSpec("api_token", true,
            "The Insider One API token, sent as X-REQUEST-TOKEN.");

    public static final List<SecretSpec> SECRETS = List.of(PARTNER_NAME, API_TOKEN);

    private InsiderOneSettings() {}

    /**
     * Reads settings and credential values and validates them.
     *
     * @throws dev.cohort.spi.config.ConfigException with every problem
     */
    public static InsiderOneConfig bind(Settings settings) {
        String segmentName = segmentName(settings);
        SegmentAttribute attribute = settings.choice(ATTRIBUTE.name(), SegmentAttribute.class);
        URI baseUrl = baseUrl(settings);
        SegmentMode mode = settings.choice(MODE.name(), SegmentMode.class);
        String region = region(settings);
        Duration timeout = timeout(settings);
        UploadFieldNames upload = new UploadFieldNames(name(settings, UPLOAD_FIELD_SEGMENT_NAME), name(settings, UPLOAD_FIELD_ATTRIBUTE),
                name(settings, UPLOAD_FIELD_CSV_URL), name(settings, UPLOAD_FIELD_CALLBACK_URL),
                settings.optionalString(UPLOAD_FIELD_MODE.name()).map(String::strip).orElse(""));
        distinct(settings, List.of(UPLOAD_FIELD_SEGMENT_NAME, UPLOAD_FIELD_ATTRIBUTE, UPLOAD_FIELD_CSV_URL, UPLOAD_FIELD_CALLBACK_URL,
                UPLOAD_FIELD_MODE), "upload body");
        CallbackFieldNames callback = new CallbackFieldNames(name(settings, CALLBACK_FIELD_SEGMENT_NAME),
                name(settings, CALLBACK_FIELD_STATUS), name(settings, CALLBACK_FIELD_VALID_COUNT),
                name(settings, CALLBACK_FIELD_INVALID_COUNT), name(settings, CALLBACK_FIELD_REASON));
        distinct(settings, List.of(CALLBACK_FIELD_SEGMENT_NAME, CALLBACK_FIELD_STATUS, CALLBACK_FIELD_VALID_COUNT,
                CALLBACK_FIELD_INVALID_COUNT, CALLBACK_FIELD_REASON), "callback report");
        String downloadPath = downloadPath(settings);
        String partnerName = headerSecret(settings, PARTNER_NAME, "the Insider One account's partner name (Insider's"
                + " Integration Settings show it)");
        String token = headerSecret(settings, API_TOKEN, "the Insider One API token");
        settings.validate();
        return new InsiderOneConfig(partnerName.toLowerCase(Locale.ROOT), token, segmentName, attribute, baseUrl, mode, region, timeout,
                upload, callback, downloadPath);
    }

    private static String segmentName(Settings settings) {
        String name = settings.optionalString(SEGMENT_NAME.name()).orElse(null);
        if (name == null) {
            return null; // reported as required
        }
        int length = name.codePointCount(0, name.length());
        if (name.isBlank()) {
            settings.problem(SEGMENT_NAME.name(), "must not be empty: give the segment's name in Insider One (1 to "
                    + MAX_SEGMENT_NAME + " characters)");
        } else if (length > MAX_SEGMENT_NAME) {
            settings.problem(SEGMENT_NAME.name(), "is " + length + " characters long; Insider One takes at most " + MAX_SEGMENT_NAME
                    + ": shorten it");
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            settings.problem(SEGMENT_NAME.name(), "contains a control character (a tab or line break): remove it");
        } else if (!name.equals(name.strip())) {
            settings.problem(SEGMENT_NAME.name(), "starts or ends with white space, which would be part of the name in Insider One:"
                    + " remove it");
        }
        return name;
    }

    private static URI baseUrl(Settings settings) {
        String text = settings.optionalString(BASE_URL.name()).map(String::strip).orElse("");
        String name = BASE_URL.name();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            settings.problem(name, "is not a URL (" + e.getReason() + "): give e.g. " + BASE_URL.defaultValue());
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            settings.problem(name, "must start with https:// (or http:// for a local sandbox), e.g. " + BASE_URL.defaultValue());
            return null;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            settings.problem(name, "has no host name: give e.g. " + BASE_URL.defaultValue());
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            settings.problem(name, "must not hold a user name or password: Insider One's partner name and token belong in the credential");
            return null;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            settings.problem(name, "must not have a query (?…) or fragment (#…): give only scheme, host, port and path prefix");
            return null;
        }
        String withoutSlash = text.replaceAll("/+$", "");
        return URI.create(withoutSlash);
    }

    private static String region(Settings settings) {
        String region = settings.optionalString(DEFAULT_REGION.name()).map(String::strip).filter(r -> !r.isEmpty()).orElse(null);
        if (region == null) {
            return null;
        }
        String upper = region.toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(upper)) {
            String hint = upper.equals("UK") ? " (the United Kingdom is GB)" : "";
            settings.problem(DEFAULT_REGION.name(), "'" + region + "' is not an ISO 3166 region code libphonenumber knows" + hint
                    + ": use a two-letter code such as US, GB, DE, TR");
            return null;
        }
        return upper;
    }

    private static Duration timeout(Settings settings) {
        Duration timeout = settings.duration(TIMEOUT.name());
        boolean parsed = settings.problems().stream().noneMatch(p -> p.field().equals(TIMEOUT.name()));
        if (parsed && (timeout.isZero() || timeout.isNegative())) {
            settings.problem(TIMEOUT.name(), "must be longer than zero: Insider One takes up to about an hour (e.g. 1h)");
        } else if (parsed && timeout.compareTo(MAX_TIMEOUT) > 0) {
            settings.problem(TIMEOUT.name(), "must be at most 24h: Insider One reports within about an hour");
        }
        return timeout.isZero() || timeout.isNegative() ? Duration.ofHours(1) : timeout;
    }

    private static String name(Settings settings, SettingSpec spec) {
        String name = settings.optionalString(spec.name()).map(String::strip).orElse("");
        if (name.isEmpty()) {
            settings.problem(spec.name(), "must not be empty: give the JSON field name (default " + spec.defaultValue() + ")");
        }
        return name;
    }

    private static void distinct(Settings settings, List<SettingSpec> specs, String what) {
        Set<String> seen = new HashSet<>();
        for (SettingSpec spec : specs) {
            String name = settings.optionalString(spec.name()).map(String::strip).orElse("");
            if (!name.isEmpty() && !seen.add(name)) {
                settings.problem(spec.name(), "'" + name + "' is already the name of another field of the " + what
                        + ": each field needs its own name");
            }
        }
    }

    private static String downloadPath(Settings settings) {
        String path = settings.optionalString(SEGMENT_DOWNLOAD_PATH.name()).map(String::strip).orElse("");
        if (!path.startsWith("/") || !path.contains(SEGMENT_NAME_TOKEN) || path.contains("?") || path.contains("#")) {
            settings.problem(SEGMENT_DOWNLOAD_PATH.name(), "must be a path starting with / that contains " + SEGMENT_NAME_TOKEN
                    + ", without ? or #, e.g. " + SEGMENT_DOWNLOAD_PATH.defaultValue());
        }
        return path;
    }

    /** A credential value sent as an HTTP header: printable ASCII without spaces. Problems never show the value. */
    private static String headerSecret(Settings settings, SecretSpec spec, String what) {
        String field = "credential." + spec.name();
        String value = settings.secret(spec.name()).map(String::strip).orElse("");
        if (value.isEmpty()) {
            settings.problem(field, "is required: the credential (type: " + CREDENTIAL_TYPE + ") must hold " + spec.name() + ", " + what);
        } else if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            settings.problem(field, "contains a space, line break or non-ASCII character, which an HTTP header cannot carry: copy "
                    + spec.name() + " again from Insider One");
        }
        return value;
    }

    private static SettingSpec field(String name, String where, String what, String defaultName) {
        return SettingSpec.optional(name, SettingType.STRING, defaultName, "The " + where + "'s JSON field name for " + what + ".");
    }
}
