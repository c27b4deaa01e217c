package dev.cohort.sandbox.insider;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the stand-in reports to an upload's callback URL once the upload was processed.
 *
 * @param segmentName the segment uploaded
 * @param completed true when the file was read and the segment stored, false when the upload failed
 * @param validCount valid rows (0 when failed)
 * @param invalidCount invalid rows (0 when failed)
 * @param reason why it failed, or {@code null} when completed
 */
record CallbackResult(String segmentName, boolean completed, long validCount, long invalidCount, String reason) {
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    static CallbackResult completed(String segmentName, SegmentFile file) {
        return new CallbackResult(segmentName, true, file.validCount(), file.invalidCount(), null);
    }

    static CallbackResult failed(String segmentName, String reason) {
        return new CallbackResult(segmentName, false, 0, 0, reason);
    }

    /** The JSON body, with these field names; {@code reason} only when failed. */
    byte[] toJson(InsiderCallbackFields names) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(names.segmentName(), segmentName);
        body.put(names.status(), completed ? COMPLETED : FAILED);
        body.put(names.validCount(), validCount);
        body.put(names.invalidCount(), invalidCount);
        if (!completed) {
            body.put(names.reason(), reason);
        }
        return Json.write(body);
    }

    /** For the event log: {@code completed, 980 valid, 20 invalid} or {@code failed}. */
    String summary() {
        return completed ? COMPLETED + ", " + validCount + " valid, " + invalidCount + " invalid" : FAILED;
    }
}
