package dev.cohort.runtime.workspace;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.time.ZonedDateTime;

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
     * times, so 06:00 stays 06:00 across daylight saving changes; empty if it never fires again.
     */
    public static Optional<Instant> nextAfter(String expression, ZoneId zone, Instant after) {
        return ExecutionTime.forCron(parse(expression)).nextExecution(after.atZone(zone)).map(ZonedDateTime::toInstant);
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
