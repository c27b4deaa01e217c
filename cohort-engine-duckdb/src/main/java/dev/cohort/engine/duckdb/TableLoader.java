package dev.cohort.engine.duckdb;

import dev.cohort.engine.EngineException;
import dev.cohort.engine.LoadRequest;
import dev.cohort.engine.LoadResult;
import dev.cohort.engine.TableInfo;
import dev.cohort.model.BadRowPolicy;
import dev.cohort.model.ColumnDefinition;
import dev.cohort.model.FileFormat;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Loads a file into a table: the file is read into a staging table, its bad rows are counted, and only
 * then does the staging table replace the table, in one transaction. Any failure drops the staging table
 * and leaves the table as it was. Thread-safe.
 */
final class TableLoader {
    private final ConnectionSource connections;
    private final TableCatalog catalog;

    TableLoader(ConnectionSource connections, TableCatalog catalog) {
        this.connections = connections;
        this.catalog = catalog;
    }

    LoadResult load(LoadRequest request) {
        InputFiles.requireReadable(request.file());
        boolean gzipped = isGzip(request);
        if (request.format() == FileFormat.CSV && request.csv().header() && !request.columns().isEmpty()) {
            checkHeader(request);
        }
        String staging = TableCatalog.newStagingName();
        SourceQuery source = SourceQuery.of(request, gzipped, staging.substring(TableCatalog.STAGING_PREFIX.length()));
        try (Connection connection = connections.connect()) {
            try {
                return loadThroughStaging(connection, request, source, staging);
            } finally {
                catalog.dropQuietly(connection, staging);
            }
        } catch (SQLException e) {
            throw DuckDbFailures.load(e, request.file(), request.table());
        }
    }

    private LoadResult loadThroughStaging(Connection connection, LoadRequest request, SourceQuery source, String staging)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE main." + DuckDbSql.identifier(staging) + " AS " + source.sql());
        }
        RejectedRows rejected = source.rejectsTable() == null ? RejectedRows.NONE
                : RejectedRows.read(connection, source.rejectsTable(), request.file(), catalog.columnsOf(connection, staging));
        if (rejected.count() > 0 && request.onBadRows() == BadRowPolicy.FAIL) {
            throw BadRowsFailure.of(request.file(), request.table(), rejected);
        }
        catalog.replace(connection, staging, request.table());
        TableInfo table = catalog.table(connection, request.table())
                .orElseThrow(() -> new IllegalStateException("table " + request.table() + " vanished right after it was loaded"));
        return new LoadResult(table, table.rowCount(), rejected.count(), rejected.sample());
    }

    private static void checkHeader(LoadRequest request) {
        List<String> found;
        try {
            found = CsvHeader.read(request.file(), request.csv());
        } catch (IOException e) {
            throw new EngineException(EngineException.FILE_NOT_READABLE,
                    "Cannot read the header of " + request.file() + ": " + e.getMessage(), e);
        }
        List<String> expected = request.columns().stream().map(ColumnDefinition::name).toList();
        if (!sameNames(expected, found)) {
            throw BadRowsFailure.headerMismatch(request.file(), request.table(), expected, found);
        }
    }

    private static boolean sameNames(List<String> expected, List<String> found) {
        if (expected.size() != found.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).strip().toLowerCase(Locale.ROOT).equals(found.get(i).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isGzip(LoadRequest request) {
        try {
            return request.format() != FileFormat.PARQUET && InputFiles.isGzip(request.file());
        } catch (IOException e) {
            throw new EngineException(EngineException.FILE_NOT_READABLE,
                    "Cannot read " + request.file() + ": " + e.getMessage(), e);
        }
    }
}
