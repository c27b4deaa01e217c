package dev.cohort.connector.sftp;

import dev.cohort.connector.files.FileDeliveryOptions;
import dev.cohort.connector.files.FileDeliverySettings;
import dev.cohort.connector.files.FileDeliveryWriter;
import dev.cohort.connector.files.SftpCheck;
import dev.cohort.connector.files.SftpEndpoint;
import dev.cohort.connector.files.SftpSettings;
import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.Capability;
import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.DestinationSpec;
import dev.cohort.spi.destination.DestinationType;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.RetryPolicy;
import dev.cohort.spi.destination.TemplateContract;
import dev.cohort.spi.destination.WriteContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code type: sftp}: CSV files delivered to any SFTP server — the fields of the data template as
 * columns, in a configurable CSV dialect, named by a template, optionally gzipped, split and followed by
 * a {@code .DONE} marker. Stateless and thread-safe.
 */
public final class SftpDestinationType implements DestinationType<SftpDestinationConfig> {
    public static final String TYPE = "sftp";
    /** A delivery is retried whole: 3 attempts, waiting 5 s, then 10 s (at most 60 s). */
    static final RetryPolicy RETRY_POLICY = new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(60));
    private static final DestinationSpec SPEC = new DestinationSpec(TYPE, "SFTP",
            "CSV files delivered to a folder on any SFTP server, published only when complete.", SftpSettings.CREDENTIAL_TYPE,
            TemplateContract.open(), settings(), SftpSettings.SECRETS, Set.of(Capability.FILES, Capability.DATABASE_EXPORT), null,
            RETRY_POLICY);

    @Override
    public DestinationSpec spec() {
        return SPEC;
    }

    @Override
    public SftpDestinationConfig configure(Settings settings) {
        SftpEndpoint endpoint = SftpSettings.bind(settings);
        FileDeliveryOptions delivery = FileDeliverySettings.bind(settings);
        settings.validate();
        return new SftpDestinationConfig(endpoint, delivery);
    }

    @Override
    public CheckResult check(SftpDestinationConfig config, CheckContext context) {
        return SftpCheck.run(config.endpoint(), context);
    }

    @Override
    public DestinationWriter open(SftpDestinationConfig config, WriteContext context) {
        return FileDeliveryWriter.open(config.endpoint(), context, config.delivery());
    }

    private static List<SettingSpec> settings() {
        List<SettingSpec> settings = new ArrayList<>(SftpSettings.SETTINGS);
        settings.addAll(FileDeliverySettings.SETTINGS);
        return settings;
    }
}
