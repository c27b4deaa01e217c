package dev.cohort.runtime.workspace;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Cron schedules of automatic orchestrations: five fields, as crontab writes them (minute, hour, day of
 * month, month, day of week), parsed by cron-utils.
 */
public final class Schedules {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private Schedules() {}

    /** The parsed schedule. @throws IllegalArgumentException with the parser's reason */
    public static Cron parse(String expression) {
        return PARSER.parse(expression.strip()).validate();
    }

    /**
     * The first time after {@code after} that {@code expression} fires, read in {@code zone}: wall-clock
     * times, so 06:00 stays 06:00 across daylight saving changes; empty if it never fires again. A time
     * that does not exist on the day the clocks go forward (02:30 in Paris on the last Sunday of March) fires
     * when the clocks jump, as cron does, rather than being skipped; a time that happens twice when they go
     * back fires once.
     */
    public static Optional<Instant> nextAfter(String expression, ZoneId zone, Instant after) {
        ExecutionTime times = ExecutionTime.forCron(parse(expression));
        Optional<Instant> next = times.nextExecution(after.atZone(zone)).map(ZonedDateTime::toInstant);
        ZoneRules rules = zone.getRules();
        for (ZoneOffsetTransition t = rules.nextTransition(after); t != null
                && (next.isEmpty() || t.getInstant().isBefore(next.get())); t = rules.nextTransition(t.getInstant())) {
            if (t.isGap() && matchesWithin(times, t.getDateTimeBefore(), t.getDateTimeAfter())) {
                return Optional.of(t.getInstant());
            }
            if (t.getInstant().isAfter(after.plus(java.time.Duration.ofDays(400)))) {
                break;
            }
        }
        return next;
    }

    /** Whether the schedule names a wall-clock minute in [from, to): fields only, as if in UTC. */
    private static boolean matchesWithin(ExecutionTime times, LocalDateTime from, LocalDateTime to) {
        for (LocalDateTime minute = from; minute.isBefore(to); minute = minute.plusMinutes(1)) {
            if (times.isMatch(minute.atZone(ZoneOffset.UTC))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code expression} is a schedule that fires; reports a problem at {@code where} when not. */
    static boolean check(String expression, YamlNode where) {
        Cron cron;
        try {
            cron = parse(expression);
        } catch (IllegalArgumentException e) {
            where.problem("BAD_SCHEDULE", "'" + expression + "' is not a cron schedule (" + e.getMessage() + "): write five"
                    + " fields — minute hour day-of-month month day-of-week — such as \"0 6 * * MON\" (6:00 every Monday)");
            return false;
        }
        ZonedDateTime start = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        boolean fires = ExecutionTime.forCron(cron).nextExecution(start)
                .filter(next -> next.isBefore(start.plusYears(30))).isPresent();
        if (!fires) {
            where.problem("BAD_SCHEDULE", "'" + expression + "' never fires (no such date): check the day of month and month");
        }
        return fires;
    }
}
