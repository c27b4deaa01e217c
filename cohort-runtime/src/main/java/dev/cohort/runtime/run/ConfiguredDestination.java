package dev.cohort.runtime.run;

import dev.cohort.model.DestinationDefinition;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.DestinationSpec;
import dev.cohort.spi.destination.DestinationType;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.PartnerReport;
import dev.cohort.spi.destination.WriteContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A destination bound to its type's typed configuration: settings checked, credential values in.
 * Hides the type parameter so callers need not carry it.
 */
public final class ConfiguredDestination {
    private final DestinationDefinition definition;
    private final Handle<?> handle;

    private ConfiguredDestination(DestinationDefinition definition, Handle<?> handle) {
        this.definition = definition;
        this.handle = handle;
    }

    /**
     * Binds {@code definition} with {@code secrets} (its credential's values, empty when it has none).
     *
     * @throws dev.cohort.spi.config.ConfigException with every problem of the settings
     */
    public static ConfiguredDestination bind(DestinationType<?> type, DestinationDefinition definition,
                                             Map<String, String> secrets) {
        return new ConfiguredDestination(definition, handle(type, definition, secrets));
    }

    private static <C extends Record> Handle<C> handle(DestinationType<C> type, DestinationDefinition definition,
                                                       Map<String, String> secrets) {
        C config = type.configure(new Settings(type.spec().settings(), definition.settings(), secrets));
        return new Handle<>(type, config);
    }

    public DestinationDefinition definition() {
        return definition;
    }

    public DestinationSpec spec() {
        return handle.type().spec();
    }

    public CheckResult check(CheckContext context) {
        return handle.check(context);
    }

    public DestinationWriter open(WriteContext context) {
        return handle.open(context);
    }

    /** Problems of sending {@code fields} to this destination beyond its template contract (see {@link DestinationType#checkFields}). */
    public List<String> checkFields(List<String> fields) {
        return handle.checkFields(fields);
    }

    /** What no two orchestrations with this destination's credential may share (see {@link DestinationType#exclusiveKey}). */
    public Optional<String> exclusiveKey() {
        return handle.exclusiveKey();
    }

    /** Reads a partner's report on a run (see {@link DestinationType#readReport}). */
    public PartnerReport readReport(byte[] body) {
        return handle.readReport(body);
    }

    private record Handle<C extends Record>(DestinationType<C> type, C config) {
        List<String> checkFields(List<String> fields) {
            return type.checkFields(config, fields);
        }

        Optional<String> exclusiveKey() {
            return type.exclusiveKey(config);
        }

        PartnerReport readReport(byte[] body) {
            return type.readReport(config, body);
        }

        CheckResult check(CheckContext context) {
            return type.check(config, context);
        }

        DestinationWriter open(WriteContext context) {
            return type.open(config, context);
        }
    }
}
