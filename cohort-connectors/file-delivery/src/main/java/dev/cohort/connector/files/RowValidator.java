package dev.cohort.connector.files;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether one row can be written, before it is encoded. A rejected row is reported as a
 * {@link dev.cohort.spi.destination.RowRejection} and skipped; the delivery goes on. Called for every
 * row: implementations should not allocate on the path of a good row ({@link Optional#empty()} does
 * not). A writer calls its validator from one thread at a time.
 */
@FunctionalInterface
public interface RowValidator {
    /** Accepts every row. */
    RowValidator ACCEPT_ALL = (row, fields) -> Optional.empty();

    /**
     * @param row    the row as it will be written, in the order of {@code fields} (null for SQL NULL)
     * @param fields the names of the written columns
     * @return why the row cannot be written — naming the field and what it contains, never its value —
     *         or empty
     */
    Optional<String> check(String[] row, List<String> fields);

    /** This check, then {@code next} for rows this one accepts. */
    default RowValidator and(RowValidator next) {
        return (row, fields) -> {
            Optional<String> problem = check(row, fields);
            return problem.isPresent() ? problem : next.check(row, fields);
        };
    }
}
