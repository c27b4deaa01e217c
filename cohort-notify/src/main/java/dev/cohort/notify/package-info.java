/**
 * Delivers Cohort's notifications — a run started, completed, completed with warnings, failed — to
 * places outside Cohort: a signed JSON {@linkplain dev.cohort.notify.WebhookChannel webhook} and
 * {@linkplain dev.cohort.notify.EmailChannel e-mail} over SMTP.
 *
 * <p>A {@link dev.cohort.notify.ChannelConfig} says where to send and which {@link
 * dev.cohort.notify.NotificationLevel levels} a channel wants; {@link dev.cohort.notify.NotificationChannels}
 * turns it into a {@link dev.cohort.notify.NotificationChannel} that makes one attempt at a time and says
 * how it went ({@link dev.cohort.notify.DeliveryOutcome}). The {@link dev.cohort.notify.NotificationDispatcher}
 * sends each notification to every channel that wants it in the background, retries temporary failures and
 * reports each final outcome to a {@link dev.cohort.notify.DeliveryListener}. Receivers of webhooks check
 * where a request came from with {@link dev.cohort.notify.WebhookSignature}. The wire format is described in
 * {@code docs/notifications.md}.
 */
package dev.cohort.notify;
