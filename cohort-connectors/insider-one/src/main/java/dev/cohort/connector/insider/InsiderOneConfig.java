package dev.cohort.connector.insider;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A configured Insider One destination. Immutable; its {@code toString} shows neither credential value
 * (Cohort keeps the partner name sealed with the token).
 *
 * @param partnerName         the account's partner name, lower-case ({@code X-PARTNER-NAME})
 * @param apiToken            the API token ({@code X-REQUEST-TOKEN})
 * @param segmentName         the segment, 1 to 40 characters, unique in the account
 * @param attribute           what the values are
 * @param baseUrl             the API's base URL without a trailing slash ({@code https://contact.useinsider.com})
 * @param mode                replace the segment, or add or remove the run's values
 * @param defaultRegion       the ISO 3166 region of phone numbers written without a country code, upper-case; null
 *                            when such numbers are rejected
 * @param timeout             how long Insider may take to report
 * @param uploadFields        the upload body's field names
 * @param callbackFields      the report's field names
 * @param segmentDownloadPath the path of the current segment's download, with {@code {segment_name}}
 */
public record InsiderOneConfig(String partnerName, String apiToken, String segmentName, SegmentAttribute attribute, URI baseUrl,
                               SegmentMode mode, String defaultRegion, Duration timeout, UploadFieldNames uploadFields,
                               CallbackFieldNames callbackFields, String segmentDownloadPath) {
    /** The upload endpoint's path, as Insider documents it. */
    public static final String UPLOAD_PATH = "/fps/v1/upload";

    public InsiderOneConfig {
        Objects.requireNonNull(partnerName, "partnerName");
        Objects.requireNonNull(apiToken, "apiToken");
        Objects.requireNonNull(segmentName, "segmentName");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(uploadFields, "uploadFields");
        Objects.requireNonNull(callbackFields, "callbackFields");
        Objects.requireNonNull(segmentDownloadPath, "segmentDownloadPath");
    }

    /** {@code <base>/fps/v1/upload}. */
    public URI uploadUrl() {
        return URI.create(baseUrl + UPLOAD_PATH);
    }

    /** The current segment's download URL, the name percent-encoded as one path segment. */
    public URI segmentDownloadUrl() {
        return URI.create(baseUrl + segmentDownloadPath.replace(InsiderOneSettings.SEGMENT_NAME_TOKEN, PathSegments.encode(segmentName)));
    }

    @Override
    public String toString() {
        return "InsiderOneConfig[partnerName=****, apiToken=****, segmentName=" + segmentName + ", attribute=" + attribute
                + ", baseUrl=" + baseUrl + ", mode=" + mode.settingValue() + ", defaultRegion=" + defaultRegion + ", timeout=" + timeout
                + ", uploadFields=" + uploadFields + ", callbackFields=" + callbackFields + ", segmentDownloadPath=" + segmentDownloadPath
                + "]";
    }

    /** What a test run's segment name ends with: a test run never touches the real segment. */
    public static final String TEST_SUFFIX = "_cohort_test";

    /**
     * The configuration a test run sends with: segment {@code <segment_name>_cohort_test} (the name cut so the
     * whole stays within Insider's 40 characters), always replaced, so a test never changes the real segment.
     */
    public InsiderOneConfig forTestRun() {
        String base = segmentName.length() + TEST_SUFFIX.length() > 40 ? segmentName.substring(0, 40 - TEST_SUFFIX.length())
                : segmentName;
        return new InsiderOneConfig(partnerName, apiToken, base + TEST_SUFFIX, attribute, baseUrl, SegmentMode.REPLACE,
                defaultRegion, timeout, uploadFields, callbackFields, segmentDownloadPath);
    }
}
