package dev.cohort.connector.insider;

import java.util.Locale;

/**
 * The Insider One attribute a segment's values belong to — one of Insider's default identifiers — and so
 * the rule each value is normalised by before it is sent.
 */
public enum SegmentAttribute {
    /** An e-mail address: trimmed, lower-cased, checked. */
    EMAIL,
    /** A phone number, written in E.164 ({@code +905321234567}). */
    PHONE_NUMBER,
    /** A UUID, written in canonical lower-case 8-4-4-4-12 form. */
    UUID;

    /** The name in settings and in the upload body: {@code email}, {@code phone_number} or {@code uuid}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
