package dev.cohort.notify;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks every channel config makes, with messages that name the channel and the setting. */
final class ConfigChecks {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private ConfigChecks() {
    }

    static String name(String kind, String name) {
        if (name == null || name.isBlank()) {
            throw new ChannelConfigException("A " + kind + " channel needs a name.");
        }
        if (!NAME.matcher(name).matches()) {
            throw new ChannelConfigException("The " + kind + " channel name `" + name + "` is not valid: use letters,"
                    + " digits, `_`, `.` and `-`, starting with a letter or digit, at most 63 characters.");
        }
        return name;
    }

    static Set<NotificationLevel> levels(String channel, Set<NotificationLevel> levels) {
        if (levels == null || levels.isEmpty() || levels.stream().anyMatch(Objects::isNull)) {
            throw new ChannelConfigException(channel + " wants no notifications: give at least one level of "
                    + EnumSet.allOf(NotificationLevel.class) + ".");
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(levels));
    }

    static Duration timeout(String channel, String setting, Duration timeout) {
        if (timeout == null) {
            return DEFAULT_TIMEOUT;
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ChannelConfigException(channel + ": " + setting + " must be longer than zero; it was "
                    + timeout + ". Leave it out for the default of " + DEFAULT_TIMEOUT.toSeconds() + " s.");
        }
        return timeout;
    }

    static String required(String channel, String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new ChannelConfigException(channel + " needs " + setting + ".");
        }
        return value.strip();
    }
}
