/**
 * The toolkit of destinations that deliver CSV files over SFTP (the generic {@code sftp} type, Koupon
 * Media, CrowdTwist): shared settings bound into an {@link dev.cohort.connector.files.SftpEndpoint}, a
 * pinned and classified {@link dev.cohort.connector.files.SftpConnection}, the step-by-step
 * {@link dev.cohort.connector.files.SftpCheck}, the {@link dev.cohort.connector.files.CsvFormat}, file
 * naming, and the streaming {@link dev.cohort.connector.files.FileDeliveryWriter} that publishes files
 * only when a delivery is complete.
 */
package dev.cohort.connector.files;
