package dev.cohort.runtime.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A SQLite store: WAL journal, so readers never wait for the writer; one writer connection, used by one
 * thread at a time, so concurrent writers in this process queue here instead of failing with
 * {@code SQLITE_BUSY}; a small pool of reader connections that refuse writes ({@code query_only}); a
 * busy timeout for writers in other processes; foreign keys enforced.
 */
final class SqliteDatabase implements Database {
    static final int BUSY_TIMEOUT_SECONDS = 10;
    private static final int READERS = 4;

    private final SqliteFile file;
    private final Connection writerConnection;
    private final Jdbi writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final HikariDataSource readerPool;
    private final Jdbi reader;

    private SqliteDatabase(SqliteFile file, Connection writerConnection, HikariDataSource readerPool) {
        this.file = file;
        this.writerConnection = writerConnection;
        this.writer = Jdbi.create(writerConnection);
        this.readerPool = readerPool;
        this.reader = Jdbi.create(readerPool);
    }

    /** Prepares the file's folder, migrates the schema and opens the connections. */
    static SqliteDatabase open(SqliteFile file) {
        file.prepare();
        SQLiteDataSource writerSource = dataSource(file, writerConfig());
        Migrations.migrate(writerSource, Dialect.SQLITE, file.toString(), e -> translate(file, "migrating", e));
        Connection writerConnection;
        try {
            writerConnection = writerSource.getConnection();
        } catch (SQLException e) {
            throw translate(file, "opening", e);
        }
        HikariConfig readers = new HikariConfig();
        readers.setPoolName("cohort-metadata-sqlite");
        readers.setDataSource(dataSource(file, commonConfig()));
        readers.setConnectionInitSql("PRAGMA query_only = true");
        readers.setMaximumPoolSize(READERS);
        readers.setMinimumIdle(1);
        try {
            return new SqliteDatabase(file, writerConnection, new HikariDataSource(readers));
        } catch (RuntimeException e) {
            closeQuietly(writerConnection);
            throw e;
        }
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public <T> T read(Function<Handle, T> work) {
        return reader.withHandle(work::apply);
    }

    @Override
    public <T> T write(Function<Handle, T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("The metadata store does not nest transactions: inside inTransaction, "
                    + "use only the ObjectRepository it gives");
        }
        writeLock.lock();
        try {
            return writer.inTransaction(work::apply);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public StoreException failure(String action, JdbiException cause) {
        return cause.getCause() instanceof SQLException sql
                ? translate(file, action, sql)
                : new StoreException(StoreException.STORE_FAILURE,
                        "The SQLite metadata store " + file + " failed while " + action + ".", cause);
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            readerPool.close();
            closeQuietly(writerConnection);
        } finally {
            writeLock.unlock();
        }
    }

    static StoreException translate(SqliteFile file, String action, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : SQLiteErrorCode.UNKNOWN_ERROR;
        String name = code.name();
        String fix = " Choose another location in COHORT_DB_URL or --db-url, or make the file and its folder "
                + "writable by the user running Cohort.";
        if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
            return new StoreException(StoreException.BUSY, "The SQLite metadata store " + file + " stayed locked by "
                    + "another process for " + BUSY_TIMEOUT_SECONDS + " s while " + action + ". Let one Cohort process "
                    + "use a SQLite file at a time; several nodes need PostgreSQL.", e);
        }
        if (name.startsWith("SQLITE_NOTADB")) {
            return new StoreException(StoreException.UNUSABLE, "The file " + file + " is not a SQLite database. Point "
                    + "COHORT_DB_URL or --db-url at a Cohort metadata file, or at a path that does not exist yet.", e);
        }
        if (name.startsWith("SQLITE_CORRUPT")) {
            return new StoreException(StoreException.UNUSABLE, "The SQLite metadata store " + file + " is damaged. "
                    + "Restore it from a backup, or start from a new file and re-apply the workspaces.", e);
        }
        if (name.startsWith("SQLITE_FULL")) {
            return new StoreException(StoreException.UNUSABLE, "The disk holding the SQLite metadata store " + file
                    + " is full. Free some space and try again.", e);
        }
        if (name.startsWith("SQLITE_READONLY") || name.startsWith("SQLITE_CANTOPEN") || name.startsWith("SQLITE_PERM")
                || name.startsWith("SQLITE_AUTH")) {
            return new StoreException(StoreException.UNUSABLE, "Cannot write the SQLite metadata store " + file
                    + " (" + name + ")." + fix, e);
        }
        return new StoreException(StoreException.STORE_FAILURE, "The SQLite metadata store " + file
                + " failed while " + action + " (" + name + ").", e);
    }

    private static SQLiteConfig writerConfig() {
        SQLiteConfig config = commonConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    private static SQLiteConfig commonConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_SECONDS * 1000);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        return config;
    }

    private static SQLiteDataSource dataSource(SqliteFile file, SQLiteConfig config) {
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(file.jdbcUrl());
        return source;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing a local file connection fails only if it is already closed.
        }
    }
}
