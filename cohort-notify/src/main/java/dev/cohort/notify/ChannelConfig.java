package dev.cohort.notify;

import java.util.Set;

/**
 * Where a notification channel delivers and which notifications it wants. Each kind validates itself when
 * it is made, so a config that exists is usable; its {@code toString()} never shows a secret.
 */
public sealed interface ChannelConfig permits WebhookConfig, EmailConfig {
    /** The channel's name: letters, digits, {@code _ . -}, up to 63 characters, like workspace objects. */
    String name();

    /** The levels the channel wants; never empty. */
    Set<NotificationLevel> levels();
}
