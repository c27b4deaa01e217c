package dev.cohort.connector.sftp;

import dev.cohort.connector.files.FileDeliveryOptions;
import dev.cohort.connector.files.SftpEndpoint;
import java.util.Objects;

/**
 * A configured {@code sftp} destination: where to deliver and what to write. Immutable; its
 * {@code toString} masks the credential.
 *
 * @param endpoint the server, folder, host key pin and credential
 * @param delivery the file format, names, compression, split and marker
 */
public record SftpDestinationConfig(SftpEndpoint endpoint, FileDeliveryOptions delivery) {
    public SftpDestinationConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(delivery, "delivery");
    }
}
