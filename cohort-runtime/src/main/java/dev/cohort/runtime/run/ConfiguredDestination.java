package dev.cohort.runtime.run;

import dev.cohort.model.DestinationDefinition;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.DestinationSpec;
import dev.cohort.spi.destination.DestinationType;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.WriteContext;
import java.util.Map;

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

    private record Handle<C extends Record>(DestinationType<C> type, C config) {
        CheckResult check(CheckContext context) {
            return type.check(config, context);
        }

        DestinationWriter open(WriteContext context) {
            return type.open(config, context);
        }
    }
}
