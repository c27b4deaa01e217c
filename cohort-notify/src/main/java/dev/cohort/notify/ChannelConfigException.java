package dev.cohort.notify;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;

/** A notification channel's settings are wrong; the message names the channel, the setting and how to fix it. */
public class ChannelConfigException extends CohortException {
    private static final long serialVersionUID = 1L;

    /** A setting of a notification channel is missing or malformed. */
    public static final ErrorCode INVALID_CHANNEL = ErrorCode.user("NOTIFICATION_CHANNEL_INVALID");

    public ChannelConfigException(String message) {
        super(INVALID_CHANNEL, message);
    }

    public ChannelConfigException(String message, Throwable cause) {
        super(INVALID_CHANNEL, message, cause);
    }
}
