package dev.cohort.testing.destination;

import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.config.SettingType;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.DestinationType;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.PartnerReport;
import dev.cohort.spi.destination.WriteContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared behaviour of the test destination types: write CSV lines into a local folder. */
abstract class FolderDestinationType implements DestinationType<FolderConfig> {
    static final List<SettingSpec> SETTINGS = List.of(
            SettingSpec.optional("folder", SettingType.STRING, System.getProperty("java.io.tmpdir") + "/cohort-test-destination",
                    "the local folder files are written to"),
            SettingSpec.optional("fail_on_row", SettingType.INTEGER, "0", "fail (transiently) when this row is written"),
            SettingSpec.optional("reject_containing", SettingType.STRING, "", "reject rows whose first field contains this"),
            SettingSpec.optional("encoded", SettingType.BOOLEAN, "false", "take rows already encoded by the engine"),
            SettingSpec.optional("delay_ms", SettingType.INTEGER, "0", "how long publishing takes, like a slow partner"),
            SettingSpec.optional("ledger", SettingType.BOOLEAN, "false", "record '<run id> <object>' in ledger.txt per file"),
            SettingSpec.optional("partner_timeout_ms", SettingType.INTEGER, "0",
                    "above 0: a test partner completes the delivery later, reporting on the run's callback URL"));

    @Override
    public FolderConfig configure(Settings settings) {
        FolderConfig config = new FolderConfig(Path.of(settings.string("folder")), settings.integer("fail_on_row"),
                settings.string("reject_containing"), settings.bool("encoded"), settings.integer("delay_ms"),
                settings.bool("ledger"), settings.integer("partner_timeout_ms"));
        settings.validate();
        return config;
    }

    @Override
    public CheckResult check(FolderConfig config, CheckContext context) {
        try {
            Files.createDirectories(config.folder());
        } catch (java.io.IOException e) {
            return new CheckResult(List.of(new CheckResult.Step("create " + config.folder(), false, e.getMessage())));
        }
        boolean ok = Files.isDirectory(config.folder()) && Files.isWritable(config.folder());
        return new CheckResult(List.of(new CheckResult.Step("write to " + config.folder(), ok,
                ok ? "writable" : "the folder does not exist or is not writable")));
    }

    /** A test partner's report, as plain text: {@code completed <accepted> <rejected>} or {@code failed <reason>}. */
    @Override
    public PartnerReport readReport(FolderConfig config, byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
        java.util.regex.Matcher completed = java.util.regex.Pattern.compile("completed (\\d+) (\\d+)").matcher(text);
        if (completed.matches()) {
            return PartnerReport.completed(Long.parseLong(completed.group(1)), Long.parseLong(completed.group(2)));
        }
        if (text.startsWith("failed ")) {
            return PartnerReport.failed(text.substring("failed ".length()));
        }
        throw new PartnerException(dev.cohort.spi.ErrorCode.user("CALLBACK_INVALID"), "a test partner's report is"
                + " 'completed <accepted> <rejected>' or 'failed <reason>'");
    }

    @Override
    public DestinationWriter open(FolderConfig config, WriteContext context) {
        return new FolderWriter(config, context);
    }
}
