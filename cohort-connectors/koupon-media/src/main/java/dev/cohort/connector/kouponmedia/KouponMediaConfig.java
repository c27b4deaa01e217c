package dev.cohort.connector.kouponmedia;

import dev.cohort.connector.files.FileDeliveryOptions;
import dev.cohort.connector.files.SftpEndpoint;
import java.util.Objects;

/**
 * A configured Koupon Media destination. Immutable; its {@code toString} masks the credential.
 *
 * @param endpoint Koupon Media's SFTP server, folder, host key pin and credential
 * @param delivery the file: the fixed layout, its name and format
 */
public record KouponMediaConfig(SftpEndpoint endpoint, FileDeliveryOptions delivery) {
    public KouponMediaConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(delivery, "delivery");
    }
}
