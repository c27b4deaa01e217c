package dev.cohort.connector.warehouse;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.CheckResult.Step;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The connection check of a warehouse destination, as a person would walk it: resolve the host, connect
 * and log in, find the schema, create (and roll back) a table there, and look at the table when its name
 * is fixed — may the user replace it, or insert into it. Stops at the first failed step; a failure is a
 * failed step with a plain message, never an exception.
 *
 * <p>The check cannot compare an append table's columns with the fields: it does not know them (the SPI
 * gives them only to a delivery). It lists the columns instead; each delivery compares them when it opens.
 */
final class WarehouseCheck {
    private static final String OWNS = """
            SELECT pg_has_role(c.relowner, 'USAGE') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname = ?""";
    private static final String MAY_INSERT = """
            SELECT has_table_privilege(c.oid, 'INSERT') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname = ?""";
    private static final String DEPENDENT_VIEWS = """
            SELECT DISTINCT vn.nspname || '.' || v.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_depend d ON d.refobjid = c.oid AND d.classid = 'pg_rewrite'::regclass
            JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class JOIN pg_namespace vn ON vn.oid = v.relnamespace
            WHERE n.nspname = ? AND c.relname = ? AND v.oid <> c.oid ORDER BY 1""";

    private WarehouseCheck() {}

    static CheckResult run(WarehouseTableConfig config, CheckContext context) {
        List<Step> steps = new ArrayList<>();
        Optional<JdbcUrl.PostgresParts> parts = config.jdbcUrl().isPostgres() ? config.jdbcUrl().postgresParts() : Optional.empty();
        if (parts.isPresent() && !resolve(steps, parts.get())) {
            return new CheckResult(steps);
        }
        String user = config.credentials().username();
        WarehouseSession[] opened = new WarehouseSession[1];
        boolean connected = step(steps, "connect to " + config.jdbcUrl().describe() + " as " + user, () -> {
            opened[0] = WarehouseSession.connect(config, context.timeout());
            return "logged in to " + opened[0].product();
        });
        if (!connected) {
            return new CheckResult(steps);
        }
        try (WarehouseSession session = opened[0]) {
            String schema = config.schema();
            boolean ok = step(steps, "find schema " + schema, () -> {
                if (!session.schemaExists()) {
                    throw new CohortException(WarehouseErrors.SCHEMA_NOT_FOUND, "the schema " + schema + " does not exist in "
                            + config.jdbcUrl().describe() + ": create it (CREATE SCHEMA " + session.quote(schema) + ") or correct schema");
                }
                return "the schema exists";
            }) && step(steps, "create a table in " + schema, () -> probe(session));
            if (ok) {
                Optional<String> fixed = config.table().fixedName();
                if (fixed.isPresent()) {
                    step(steps, "look at table " + session.display(fixed.get()), () -> inspect(session, fixed.get()));
                } else {
                    steps.add(new Step("table name", true, "'" + config.table() + "' is named for each delivery ({object}: the query's"
                            + " name, or the exported table's); each delivery checks its table when it starts"));
                }
            }
        }
        return new CheckResult(steps);
    }

    private static boolean resolve(List<Step> steps, JdbcUrl.PostgresParts parts) {
        for (String host : parts.hosts()) {
            boolean resolved = step(steps, "resolve " + host, () -> {
                try {
                    return host + " is " + InetAddress.getByName(host).getHostAddress();
                } catch (UnknownHostException e) {
                    throw new CohortException(WarehouseErrors.UNKNOWN_HOST, "the host " + host + " does not resolve; correct the host in"
                            + " jdbc_url");
                }
            });
            if (!resolved) {
                return false;
            }
        }
        return true;
    }

    /** Creates a table in the schema inside a transaction, then rolls back: nobody ever sees it on PostgreSQL. */
    private static String probe(WarehouseSession session) {
        String probe = "cohort_check_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String user = session.config().credentials().username();
        try {
            session.begin();
            session.execute("create table " + session.display(probe), "CREATE TABLE " + session.qualified(probe) + " (probe "
                    + (session.isPostgres() ? "text" : "VARCHAR(10)") + ")");
        } catch (CohortException e) {
            if (e.errorCode().equals(WarehouseErrors.PERMISSION_DENIED)) {
                throw new CohortException(e.errorCode(), "user '" + user + "' may not create tables in schema " + session.config().schema()
                        + ": GRANT CREATE ON SCHEMA " + session.quote(session.config().schema()) + " TO " + session.quote(user), e);
            }
            throw e;
        } finally {
            session.rollbackQuietly();
            if (!session.transactionalDdl()) {
                session.execute("drop table " + session.display(probe), "DROP TABLE IF EXISTS " + session.qualified(probe));
            }
        }
        return "created " + session.display(probe) + " and rolled it back";
    }

    private static String inspect(WarehouseSession session, String table) {
        WarehouseTableConfig config = session.config();
        String user = config.credentials().username();
        String schema = config.schema();
        Optional<ExistingTable> existing = session.table(table);
        if (existing.isEmpty()) {
            return "it does not exist yet: the first delivery creates it";
        }
        ExistingTable found = existing.get();
        if (!found.isTable()) {
            throw ReplacePlan.notATable(found);
        }
        String columns = found.columns().size() + " columns: " + found.describeColumns();
        if (config.mode() == WriteMode.REPLACE) {
            if (session.isPostgres()) {
                if (!Boolean.TRUE.equals(session.queryOne("check who owns " + found.displayName(), OWNS, Boolean.class, schema, table))) {
                    throw new CohortException(WarehouseErrors.PERMISSION_DENIED, "user '" + user + "' does not own " + found.displayName()
                            + ", and replace drops it at each delivery: make the user its owner (ALTER TABLE " + session.qualified(table)
                            + " OWNER TO " + session.quote(user) + ") or a member of its owner's role, or use mode: append");
                }
                List<String> views = session.queryAll("find views on " + found.displayName(), DEPENDENT_VIEWS, schema, table).stream()
                        .map(row -> row[0]).toList();
                if (!views.isEmpty()) {
                    throw new CohortException(WarehouseErrors.DEPENDENT_OBJECTS, "views depend on " + found.displayName() + " ("
                            + String.join(", ", views) + "), and replace drops the table at each delivery: drop the views and recreate"
                            + " them after each run, or use mode: append");
                }
            }
            return "it exists (" + columns + "); each delivery replaces it whole";
        }
        if (session.isPostgres()
                && !Boolean.TRUE.equals(session.queryOne("check the privileges on " + found.displayName(), MAY_INSERT, Boolean.class, schema,
                        table))) {
            throw new CohortException(WarehouseErrors.PERMISSION_DENIED, "user '" + user + "' may not insert into " + found.displayName()
                    + ": GRANT INSERT ON " + session.qualified(table) + " TO " + session.quote(user));
        }
        return "it exists (" + columns + "); each delivery's fields must match these columns (compared when the delivery starts)";
    }

    private static boolean step(List<Step> steps, String name, Supplier<String> action) {
        try {
            steps.add(new Step(name, true, action.get()));
            return true;
        } catch (CohortException e) {
            steps.add(new Step(name, false, e.getMessage()));
            return false;
        }
    }
}
