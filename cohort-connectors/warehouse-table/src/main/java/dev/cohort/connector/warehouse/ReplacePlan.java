package dev.cohort.connector.warehouse;

import dev.cohort.spi.CohortException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mode: replace}: rows go into a staging table, {@code <table>__cohort_<8 hex>}, created in the
 * delivery's transaction; at finish the old table is dropped and the staging table renamed to its name,
 * and the commit makes both visible at once. Readers see the old table until the commit and the new one
 * after — a query waiting on the swap's lock then reads the new table. On PostgreSQL the staging table is
 * never visible to others (it exists only inside the transaction) and a rollback removes it; elsewhere
 * {@link #cleanUp} drops it.
 *
 * <p>On PostgreSQL, when the old table fits the fields ({@link ColumnMatch}), the new one is made
 * {@code LIKE} it — its column types, defaults, NOT NULL and CHECK constraints, identity and generated
 * columns kept — and its grants are given again; otherwise the new table has one column per field, typed from the field's type.
 * Indexes, foreign keys, triggers and the owner are not carried over.
 */
final class ReplacePlan implements TablePlan {
    private static final Logger LOG = LoggerFactory.getLogger(ReplacePlan.class);
    /** How long the swap waits for readers to release the old table before the delivery fails, to be retried. */
    static final String SWAP_LOCK_TIMEOUT = "2min";
    private static final String GRANTS = """
            SELECT a.privilege_type, CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END, a.is_grantable::text
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
            WHERE n.nspname = ? AND c.relname = ? AND a.grantee <> c.relowner
            ORDER BY 2, 1""";

    private final String table;
    private String staging;

    ReplacePlan(String table) {
        this.table = table;
    }

    @Override
    public RowTarget prepare(WarehouseSession session, List<String> fields, List<String> types) {
        Optional<ExistingTable> existing = session.table(table);
        if (existing.isPresent() && !existing.get().isTable()) {
            throw notATable(existing.get());
        }
        staging = stagingName(table, session.maxTableNameBytes());
        String action = "create the staging table " + session.display(staging);
        Optional<ColumnMatch> kept = existing.filter(found -> session.isPostgres()).map(found -> ColumnMatch.of(fields, found))
                .filter(ColumnMatch::fits);
        RowTarget target;
        if (kept.isPresent()) {
            session.execute(action, "CREATE TABLE " + session.qualified(staging) + " (LIKE " + session.qualified(table) + " INCLUDING DEFAULTS"
                    + " INCLUDING CONSTRAINTS INCLUDING IDENTITY INCLUDING GENERATED INCLUDING STORAGE INCLUDING COMMENTS)");
            target = new RowTarget(staging, kept.get().columns());
        } else {
            session.execute(action, TablePlan.createTable(session, staging, fields, types));
            target = new RowTarget(staging, fields);
            existing.ifPresent(found -> LOG.info("Replacing {}: its columns ({}) do not fit the fields {}, so the new table has"
                    + " columns typed for the fields", found.displayName(), found.describeColumns(), fields));
        }
        if (existing.isPresent() && session.isPostgres()) {
            copyGrants(session);
        }
        return target;
    }

    @Override
    public void publish(WarehouseSession session) {
        String action = "replace " + session.display(table);
        if (session.isPostgres()) {
            session.execute(action, "SET LOCAL lock_timeout = '" + SWAP_LOCK_TIMEOUT + "'");
        }
        session.execute(action, "DROP TABLE IF EXISTS " + session.qualified(table));
        session.execute(action, "ALTER TABLE " + session.qualified(staging) + " RENAME TO " + session.quote(table));
    }

    @Override
    public void cleanUp(WarehouseSession session) {
        if (staging == null || session.transactionalDdl()) {
            return;
        }
        try {
            session.execute("drop the staging table " + session.display(staging), "DROP TABLE IF EXISTS " + session.qualified(staging));
        } catch (RuntimeException e) {
            LOG.warn("Could not drop the staging table {} after an aborted delivery; drop it by hand: {}", session.display(staging),
                    e.getMessage());
        }
    }

    /** The staging table's name once {@link #prepare} ran. */
    String staging() {
        return staging;
    }

    /** {@code <table>__cohort_<8 hex>}, the table's part shortened so the whole fits the database's names. */
    static String stagingName(String table, int maxBytes) {
        String suffix = "__cohort_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return Identifiers.truncate(table, Math.max(0, maxBytes - suffix.length())) + suffix;
    }

    static CohortException notATable(ExistingTable found) {
        String kind = found.kind().toLowerCase(Locale.ROOT);
        return new CohortException(WarehouseErrors.INVALID_TABLE, found.displayName() + " is a " + kind + ", not a table: rows can only"
                + " be written into a table; choose another table name, or drop the " + kind);
    }

    private void copyGrants(WarehouseSession session) {
        String schema = session.config().schema();
        List<String[]> grants = session.queryAll("read the grants of " + session.display(table), GRANTS, schema, table);
        for (String[] grant : grants) {
            String grantee = grant[1] == null ? "PUBLIC" : session.quote(grant[1]);
            String to = grant[1] == null ? "PUBLIC" : grant[1];
            session.execute("give " + grant[0] + " on the new " + session.display(table) + " to " + to, "GRANT " + grant[0]
                    + " ON TABLE " + session.qualified(staging) + " TO " + grantee + ("true".equals(grant[2]) ? " WITH GRANT OPTION" : ""));
        }
    }
}
