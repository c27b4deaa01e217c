package dev.cohort.notify;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of delivering one notification to one channel ({@value WebhookSignature#DELIVERY_HEADER}). It is
 * derived from the notification and the channel rather than drawn at random, so it is the same on every
 * retry — and even when the server sends the notification again after a restart — and receivers can
 * de-duplicate on it. The notification's creation time is part of it, so a workspace whose ids start again
 * from 1 does not repeat old ids.
 */
final class DeliveryId {
    private DeliveryId() {
    }

    static String of(Notification notification, String channel) {
        String key = notification.workspace() + "\n" + notification.id() + "\n" + notification.createdAt() + "\n" + channel;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
