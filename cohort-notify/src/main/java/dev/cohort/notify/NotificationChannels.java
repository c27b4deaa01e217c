package dev.cohort.notify;

import java.util.Objects;

/** Makes the channel a config describes. */
public final class NotificationChannels {
    private NotificationChannels() {
    }

    /** A {@link WebhookChannel} or an {@link EmailChannel}, ready to deliver. */
    public static NotificationChannel create(ChannelConfig config) {
        Objects.requireNonNull(config, "config");
        return switch (config) {
            case WebhookConfig webhook -> new WebhookChannel(webhook);
            case EmailConfig email -> new EmailChannel(email);
        };
    }
}
