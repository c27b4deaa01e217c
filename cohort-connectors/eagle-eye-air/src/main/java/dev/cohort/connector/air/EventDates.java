package dev.cohort.connector.air;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * AIR's {@code headers.eventDate}: ISO-8601, in the notifications seen without an offset and with microseconds
 * ({@code 2025-01-29T20:37:03.078234}), which is read as UTC; with an offset or {@code Z} it is read as written. A
 * space instead of the {@code T} is accepted.
 */
final class EventDates {
    private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private EventDates() {}

    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String normal = text.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) (\\d)", "$1T$2");
        try {
            TemporalAccessor parsed = OFFSET.parse(normal);
            LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed));
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            return Optional.of(OffsetDateTime.of(local, offset).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
