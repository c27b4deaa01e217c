package dev.cohort.connector.warehouse;

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
import java.util.Set;

/**
 * {@code type: warehouse-table}: a query's rows — or each table of a database export — written into a
 * table of a JDBC database, replacing it atomically or appending to it in one transaction. PostgreSQL
 * (the only driver shipped) gets {@code COPY FROM STDIN}; another database, batched INSERTs once its
 * driver is on the class path. Stateless and thread-safe.
 */
public final class WarehouseTableType implements DestinationType<WarehouseTableConfig> {
    public static final String TYPE = "warehouse-table";
    /** A delivery is retried whole after a temporary failure: 3 attempts, waiting 5 s, then 10 s (at most 60 s). */
    static final RetryPolicy RETRY_POLICY = new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(60));
    private static final DestinationSpec SPEC = new DestinationSpec(TYPE, "Warehouse table",
            "Rows written into a table of a JDBC database (PostgreSQL), swapped in whole or appended in one transaction.",
            WarehouseSettings.CREDENTIAL_TYPE, TemplateContract.open(), WarehouseSettings.SETTINGS, WarehouseSettings.SECRETS,
            Set.of(Capability.DATABASE_EXPORT), null, RETRY_POLICY);

    @Override
    public DestinationSpec spec() {
        return SPEC;
    }

    @Override
    public WarehouseTableConfig configure(Settings settings) {
        return WarehouseSettings.bind(settings);
    }

    @Override
    public CheckResult check(WarehouseTableConfig config, CheckContext context) {
        return WarehouseCheck.run(config, context);
    }

    @Override
    public DestinationWriter open(WarehouseTableConfig config, WriteContext context) {
        return WarehouseTableWriter.open(config, context);
    }
}
