package dev.cohort.server.work;

import dev.cohort.model.NotificationChannelDefinition;
import dev.cohort.notify.ChannelConfig;
import dev.cohort.notify.DeliveryOutcome;
import dev.cohort.notify.EmailConfig;
import dev.cohort.notify.Notification;
import dev.cohort.notify.NotificationChannel;
import dev.cohort.notify.NotificationChannels;
import dev.cohort.notify.NotificationDispatcher;
import dev.cohort.notify.NotificationLevel;
import dev.cohort.notify.SmtpSecurity;
import dev.cohort.notify.WebhookConfig;
import dev.cohort.runtime.store.NotificationRepository;
import dev.cohort.runtime.workspace.ResolvedNotificationChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the workspace's notifications to the channels its {@code notifications:} declare (webhooks,
 * e-mail), through {@code cohort-notify}'s dispatcher: in the background, retried, one slow channel never
 * holding back another. {@link #refresh} follows the workspace: channels added, changed or removed by an
 * apply take effect within the server's housekeeping interval.
 */
public final class NotificationDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);

    private final String workspace;
    private final Supplier<List<ResolvedNotificationChannel>> channels;
    private final dev.cohort.notify.DeliveryListener listener;
    private List<NotificationChannelDefinition> current = List.of();
    private NotificationDispatcher dispatcher;

    public NotificationDelivery(String workspace, Supplier<List<ResolvedNotificationChannel>> channels,
                                dev.cohort.notify.DeliveryListener listener) {
        this.workspace = workspace;
        this.channels = channels;
        this.listener = listener;
    }

    /** Builds the channels again when the workspace's declarations changed. */
    public synchronized void refresh() {
        List<ResolvedNotificationChannel> resolved;
        try {
            resolved = channels.get();
        } catch (RuntimeException e) {
            LOG.warn("notification channels not usable, keeping the previous ones: {}", e.getMessage());
            return;
        }
        List<NotificationChannelDefinition> definitions = resolved.stream().map(ResolvedNotificationChannel::definition).toList();
        if (definitions.equals(current) && dispatcher != null) {
            return;
        }
        List<NotificationChannel> built = new ArrayList<>();
        for (ResolvedNotificationChannel channel : resolved) {
            try {
                built.add(NotificationChannels.create(config(channel)));
            } catch (RuntimeException e) {
                LOG.warn("notification channel {} cannot be used: {}", channel.name(), e.getMessage());
            }
        }
        NotificationDispatcher previous = dispatcher;
        dispatcher = new NotificationDispatcher(built, listener);
        current = definitions;
        if (previous != null) {
            previous.close(Duration.ofSeconds(5));
        }
        if (!built.isEmpty()) {
            LOG.info("notification channels: {}", built.stream().map(NotificationChannel::name).collect(Collectors.joining(", ")));
        }
    }

    /** Hands a recorded notification to the channels that want its level; returns at once. */
    public synchronized void deliver(NotificationRepository.Notification n) {
        if (dispatcher == null) {
            return;
        }
        dispatcher.dispatch(new Notification(n.id(), workspace, NotificationLevel.valueOf(n.level()), n.title(), n.message(),
                n.runId(), n.orchestration(), n.runStatus(), n.rowsRead(), n.rowsSent(), n.rowsRejected(), n.errorCode(),
                n.errorMessage(), n.createdAt()));
    }

    static ChannelConfig config(ResolvedNotificationChannel channel) {
        NotificationChannelDefinition definition = channel.definition();
        Set<NotificationLevel> levels = definition.levels().stream().map(l -> NotificationLevel.valueOf(l.name()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationLevel.class)));
        return switch (definition.target()) {
            case NotificationChannelDefinition.Webhook webhook -> new WebhookConfig(definition.name(), levels, webhook.url(),
                    channel.secret(NotificationChannelDefinition.Webhook.SECRET).orElse(null));
            case NotificationChannelDefinition.Email email -> new EmailConfig(definition.name(), levels, email.host(),
                    email.port(), SmtpSecurity.valueOf(email.security().name()),
                    channel.secret(NotificationChannelDefinition.Email.USERNAME).orElse(null),
                    channel.secret(NotificationChannelDefinition.Email.PASSWORD).orElse(null), email.from(), email.to());
        };
    }

    @Override
    public synchronized void close() {
        if (dispatcher != null) {
            dispatcher.close(Duration.ofSeconds(10));
            dispatcher = null;
        }
    }

    /** Logs each delivery's end; failures at WARN with the channel's reason (which never holds a secret). */
    public static void log(Notification notification, String channel, DeliveryOutcome outcome) {
        switch (outcome) {
            case DeliveryOutcome.Delivered delivered -> LOG.debug("notification {} delivered to {}", notification.id(), channel);
            default -> LOG.warn("notification {} not delivered to {}: {}", notification.id(), channel, outcome);
        }
    }
}
