package dev.cohort.connector.files;

import dev.cohort.spi.destination.PartnerException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The folder a {@link FileDeliveryWriter} delivers into: what the writer needs of a file server, so
 * that the delivery logic does not depend on SFTP (and can be tested against a fake). File names are
 * relative to the folder. Failures are {@link PartnerException}s; the I/O of a stream from
 * {@link #create} throws {@link IOException}s that {@link #failure} translates. One thread at a time.
 */
public interface RemoteFolder extends AutoCloseable {
    /** Where the folder is ({@code sftp://host:22/incoming}), without credentials. */
    String location();

    /** The names of the folder's entries. */
    List<String> list();

    /** A new (or truncated) file, written as a stream; closing the stream completes the upload. */
    OutputStream create(String name);

    /**
     * Gives a file its final name.
     *
     * @param replace whether an existing file of that name may be replaced (atomically); when it may
     *                not, or the server cannot do it atomically, an existing file makes this fail
     */
    void rename(String from, String to, boolean replace);

    /**
     * Deletes a file; used to clean up, so it reconnects if the connection was lost.
     *
     * @return false when there was no such file
     */
    boolean delete(String name);

    /** The {@link PartnerException} for an I/O failure of this folder's streams. */
    PartnerException failure(String action, IOException cause);

    /** Closes the connection; never throws. */
    @Override
    void close();
}
