package dev.cohort.runtime.store;

import org.jdbi.v3.core.JdbiException;

/**
 * The open connections of one store and what they need to be used: the dialect, and a way to turn a
 * driver failure into a message that names the store. Thread-safe.
 */
interface Database extends HandleRunner, AutoCloseable {
    Dialect dialect();

    /** A {@link StoreException} for {@code cause}, raised while {@code action} ("saving data template 'x'"). */
    StoreException failure(String action, JdbiException cause);

    @Override
    void close();
}
