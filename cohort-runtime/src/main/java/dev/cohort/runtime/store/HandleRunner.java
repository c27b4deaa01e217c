package dev.cohort.runtime.store;

import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/** Runs statements: each call in its own transaction, or all on one handle inside a transaction. */
interface HandleRunner {
    /** Runs {@code work}, which only reads. */
    <T> T read(Function<Handle, T> work);

    /** Runs {@code work}, which writes, atomically: on an exception nothing it did is kept. */
    <T> T write(Function<Handle, T> work);

    /** A runner for work that is part of a transaction already open on {@code handle}. */
    static HandleRunner within(Handle handle) {
        return new HandleRunner() {
            @Override
            public <T> T read(Function<Handle, T> work) {
                return work.apply(handle);
            }

            @Override
            public <T> T write(Function<Handle, T> work) {
                return work.apply(handle);
            }
        };
    }
}
