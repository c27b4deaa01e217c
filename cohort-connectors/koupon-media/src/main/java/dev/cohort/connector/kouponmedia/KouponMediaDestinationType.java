package dev.cohort.connector.kouponmedia;

import dev.cohort.connector.files.FieldLayout;
import dev.cohort.connector.files.FileDeliveryOptions;
import dev.cohort.connector.files.FileDeliverySettings;
import dev.cohort.connector.files.FileDeliveryWriter;
import dev.cohort.connector.files.SftpCheck;
import dev.cohort.connector.files.SftpEndpoint;
import dev.cohort.connector.files.SftpSettings;
import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.config.SettingType;
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
import java.util.stream.IntStream;

/**
 * {@code type: koupon-media}: a CSV file with Koupon Media's fixed layout of 29 columns, in order —
 * {@code ROW_ID, FST_NAME, LST_NAME, ADDR_LINE_1, ADDR_LINE_2, CITY_NAME, STATE_PROVINCE_CD, POSTAL_CD,
 * CELLNAME, CUSTOMFIELD1 … CUSTOMFIELD20} — on Koupon Media's SFTP server. A data template maps any of
 * them ({@code ROW_ID} at least); the others are written empty. A template that names a column outside
 * the layout is refused when it is applied. Stateless and thread-safe.
 */
public final class KouponMediaDestinationType implements DestinationType<KouponMediaConfig> {
    public static final String TYPE = "koupon-media";
    public static final String DEFAULT_HOST = "sftp.kouponmedia.com";
    public static final List<String> LAYOUT = layout();
    static final String DEFAULT_FILE_NAME = "{orchestration}_{now:yyyyMMdd_HHmmss}.csv";
    private static final RetryPolicy RETRY_POLICY = new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(60));
    private static final DestinationSpec SPEC = new DestinationSpec(TYPE, "Koupon Media",
            "Customers in Koupon Media's 29-column CSV layout, delivered to its SFTP server.", SftpSettings.CREDENTIAL_TYPE,
            TemplateContract.fixedLayout(LAYOUT, List.of("ROW_ID")), settings(), SftpSettings.SECRETS,
            Set.of(Capability.FILES), null, RETRY_POLICY);

    @Override
    public DestinationSpec spec() {
        return SPEC;
    }

    @Override
    public KouponMediaConfig configure(Settings settings) {
        SftpEndpoint endpoint = SftpSettings.bind(settings);
        var fileName = FileDeliverySettings.fileName(settings);
        var zone = FileDeliverySettings.timeZone(settings);
        settings.validate();
        FileDeliveryOptions delivery = FileDeliveryOptions.builder(fileName)
                .timeZone(zone)
                .layout(FieldLayout.fixed(LAYOUT, true))
                .doneFile(settings.bool(FileDeliverySettings.DONE_FILE.name()))
                .build();
        return new KouponMediaConfig(endpoint, delivery);
    }

    @Override
    public CheckResult check(KouponMediaConfig config, CheckContext context) {
        return SftpCheck.run(config.endpoint(), context);
    }

    @Override
    public DestinationWriter open(KouponMediaConfig config, WriteContext context) {
        return FileDeliveryWriter.open(config.endpoint(), context, config.delivery());
    }

    private static List<String> layout() {
        List<String> columns = new ArrayList<>(List.of("ROW_ID", "FST_NAME", "LST_NAME", "ADDR_LINE_1", "ADDR_LINE_2",
                "CITY_NAME", "STATE_PROVINCE_CD", "POSTAL_CD", "CELLNAME"));
        IntStream.rangeClosed(1, 20).forEach(i -> columns.add("CUSTOMFIELD" + i));
        return List.copyOf(columns);
    }

    private static List<SettingSpec> settings() {
        List<SettingSpec> settings = new ArrayList<>();
        for (SettingSpec setting : SftpSettings.SETTINGS) {
            settings.add(setting.name().equals(SftpSettings.HOST.name())
                    ? SettingSpec.optional("host", SettingType.STRING, DEFAULT_HOST, "Koupon Media's SFTP server.")
                    : setting);
        }
        settings.add(FileDeliverySettings.fileName(DEFAULT_FILE_NAME));
        settings.add(FileDeliverySettings.TIME_ZONE);
        settings.add(FileDeliverySettings.DONE_FILE);
        return List.copyOf(settings);
    }
}
