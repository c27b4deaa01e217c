package dev.cohort.connector.warehouse;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.destination.CsvEncoding;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.EncodedRowsSink;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.RowRejection;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery into a warehouse table, in one transaction on one connection: {@link #open} connects and
 * prepares the table as the mode says ({@link TablePlan}), {@link #write} streams rows into it
 * ({@link RowSink}), {@link #finish} publishes and commits, {@link #abort} — or {@link #close} without
 * finish — rolls back, so nothing of the delivery is ever visible unless it is complete.
 *
 * <p>Memory does not grow with rows: at most {@code batch_rows} rows (INSERT) or 64 KiB (COPY) are held.
 * {@link #write} blocks while the database takes earlier rows: that is the back-pressure. Used by one
 * thread at a time, as {@link DestinationWriter} requires.
 */
public final class WarehouseTableWriter implements DestinationWriter, EncodedRowsSink {
    /** How long connecting and logging in may take when a delivery starts. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseTableWriter.class);

    private enum State { OPEN, FAILED, FINISHED, ABORTED }

    private final WarehouseTableConfig config;
    private final WriteContext context;
    private final WarehouseSession session;
    private final String table;
    private final TablePlan plan;
    private final RowSink sink;
    private final List<String> fields;
    private final boolean rejectsNul;
    private long rowsWritten;
    private State state = State.OPEN;

    private WarehouseTableWriter(WarehouseTableConfig config, WriteContext context, WarehouseSession session, String table,
                                 TablePlan plan, RowSink sink) {
        this.config = config;
        this.context = context;
        this.session = session;
        this.table = table;
        this.plan = plan;
        this.sink = sink;
        this.fields = context.fields();
        this.rejectsNul = session.isPostgres();
    }

    /**
     * Connects, starts the delivery's transaction and prepares its table: COPY on PostgreSQL, batched
     * INSERTs elsewhere.
     *
     * @throws PartnerException when the database cannot be reached, refuses, or the table does not fit; classified
     * @throws CohortException  when the fields or the table name cannot be used
     */
    public static WarehouseTableWriter open(WarehouseTableConfig config, WriteContext context) {
        return open(config, context, true);
    }

    /** As {@link #open(WarehouseTableConfig, WriteContext)}; {@code copy} false sends INSERTs even to PostgreSQL (tests). */
    static WarehouseTableWriter open(WarehouseTableConfig config, WriteContext context, boolean copy) {
        String table = config.table().resolve(context);
        WarehouseSession session = WarehouseSession.connect(config, CONNECT_TIMEOUT);
        TablePlan plan = null;
        try {
            checkTableName(session, table);
            checkFields(session, context.fields());
            plan = TablePlan.of(config.mode(), table);
            session.begin();
            RowTarget target = plan.prepare(session, context.fields(), context.fieldTypes());
            RowSink sink = copy && session.isPostgres() ? new CopyRowSink(session, target, config.batchRows())
                    : new InsertRowSink(session, target, config.batchRows());
            LOG.debug("Run {}: writing {} into {} ({}, {})", context.runId(), context.objectName(), session.display(table),
                    config.mode().settingValue(), sink.method());
            return new WarehouseTableWriter(config, context, session, table, plan, sink);
        } catch (RuntimeException e) {
            session.rollbackQuietly();
            if (plan != null) {
                plan.cleanUp(session);
            }
            session.close();
            throw e;
        }
    }

    @Override
    public List<RowRejection> write(RecordBatch batch) {
        requireState(State.OPEN, "write to");
        List<RowRejection> rejections = null;
        try {
            for (int i = 0; i < batch.size(); i++) {
                String[] row = batch.rows().get(i);
                if (row.length != fields.size()) {
                    throw new IllegalArgumentException("row " + batch.rowNumber(i) + " has " + row.length + " values for "
                            + fields.size() + " fields");
                }
                int nul = rejectsNul ? nulField(row) : -1;
                if (nul >= 0) {
                    if (rejections == null) {
                        rejections = new ArrayList<>();
                    }
                    rejections.add(new RowRejection(batch.rowNumber(i), "field " + fields.get(nul)
                            + ": contains a NUL character (U+0000), which PostgreSQL text cannot hold"));
                    continue;
                }
                sink.add(row, batch.rowNumber(i));
                rowsWritten++;
            }
        } catch (SQLException e) {
            throw failed(SqlFailures.translate(config, sink.action(), e, sink::rowOfLine));
        } catch (RuntimeException e) {
            throw failed(e);
        }
        return rejections == null ? List.of() : rejections;
    }

    @Override
    public long bytesWritten() {
        return sink.bytes();
    }

    /**
     * On PostgreSQL, the engine may hand the rows already encoded for {@code COPY} (NULL an empty field, the empty
     * string {@code ""}): no value becomes a Java string. A NUL character then fails the delivery (PostgreSQL's
     * error names the row) instead of rejecting its row.
     */
    @Override
    public Optional<CsvEncoding> encoding() {
        return sink instanceof CopyRowSink ? Optional.of(CsvEncoding.POSTGRES_COPY) : Optional.empty();
    }

    @Override
    public void writeEncoded(InputStream lines, LongSupplier rows) {
        requireState(State.OPEN, "write to");
        if (!(sink instanceof CopyRowSink copy)) {
            throw new IllegalStateException("rows arrive encoded only for COPY");
        }
        try {
            copy.copyAll(lines);
            rowsWritten = rows.getAsLong();
        } catch (SQLException e) {
            throw failed(SqlFailures.translate(config, sink.action(), e, sink::rowOfLine));
        } catch (java.io.IOException e) {
            throw failed(new java.io.UncheckedIOException("reading the engine's rows failed", e));
        } catch (RuntimeException e) {
            throw failed(e);
        }
    }

    /** Sends the last rows, publishes them as the mode says and commits: after it returns, readers see the delivery whole. */
    @Override
    public WriteResult finish() {
        requireState(State.OPEN, "finish");
        try {
            sink.finish();
            plan.publish(session);
            session.commit();
        } catch (SQLException e) {
            throw failed(SqlFailures.translate(config, sink.action(), e, sink::rowOfLine));
        } catch (RuntimeException e) {
            throw failed(e);
        }
        state = State.FINISHED;
        LOG.info("Run {}: wrote {} rows into {} on {} ({}, {})", context.runId(), rowsWritten, session.display(table),
                config.jdbcUrl().describe(), config.mode().settingValue(), sink.method());
        return new WriteResult(rowsWritten, List.of());
    }

    /** Rolls the delivery back: the table is as it was (and a staging table gone). Safe to call more than once; never throws. */
    @Override
    public void abort() {
        if (state == State.FINISHED || state == State.ABORTED) {
            return;
        }
        state = State.ABORTED;
        sink.cancel();
        session.rollbackQuietly();
        plan.cleanUp(session);
        LOG.info("Run {}: aborted the delivery into {}; {} is as it was", context.runId(), config.jdbcUrl().describe(),
                session.display(table));
    }

    @Override
    public void close() {
        try {
            abort();
        } finally {
            session.close();
        }
    }

    /** {@code COPY} or {@code INSERT}. */
    String method() {
        return sink.method();
    }

    /** The table written, unquoted. */
    String table() {
        return table;
    }

    private static int nulField(String[] row) {
        for (int i = 0; i < row.length; i++) {
            if (row[i] != null && row[i].indexOf('\0') >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static void checkTableName(WarehouseSession session, String table) {
        String problem = Identifiers.problem(table, "table name").orElse(null);
        if (problem == null && Identifiers.utf8Length(table) > session.maxTableNameBytes()) {
            problem = "is " + Identifiers.utf8Length(table) + " bytes long, and this database's names hold at most "
                    + session.maxTableNameBytes() + "; set a shorter table";
        }
        if (problem != null) {
            throw new CohortException(WarehouseErrors.INVALID_TABLE, "The table name '" + table + "' " + problem);
        }
    }

    private static void checkFields(WarehouseSession session, List<String> fields) {
        if (fields.isEmpty()) {
            throw new CohortException(WarehouseErrors.INVALID_FIELDS, "The delivery has no fields: a table needs at least one column");
        }
        Set<String> seen = new HashSet<>();
        Set<String> seenIgnoringCase = new HashSet<>();
        for (String field : fields) {
            String problem = Identifiers.problem(field, "field name").orElse(null);
            if (problem == null && Identifiers.utf8Length(field) > session.maxColumnNameBytes()) {
                problem = "is " + Identifiers.utf8Length(field) + " bytes long, and this database's column names hold at most "
                        + session.maxColumnNameBytes() + "; rename it in the data template";
            }
            if (problem == null && !seen.add(field)) {
                problem = "appears twice; rename one in the data template";
            }
            if (problem == null && !session.isPostgres() && !seenIgnoringCase.add(field.toLowerCase(Locale.ROOT))) {
                problem = "differs from another field only in case, which this database may not tell apart; rename one";
            }
            if (problem != null) {
                throw new CohortException(WarehouseErrors.INVALID_FIELDS, "The field '" + field + "' cannot be a column: " + problem);
            }
        }
    }

    private RuntimeException failed(RuntimeException failure) {
        state = State.FAILED;
        return failure;
    }

    private void requireState(State expected, String action) {
        if (state != expected) {
            throw new IllegalStateException("cannot " + action + " a delivery that is " + state.name().toLowerCase(Locale.ROOT));
        }
    }
}
