package dev.cohort.connector.files;

import dev.cohort.spi.destination.PartnerException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A {@link RemoteFolder} on an SFTP server. Uploads use the connection they started on; cleanup
 * ({@link #delete}) and listing reconnect when the connection was lost, so that an aborted delivery can
 * remove its temporary files. One thread at a time.
 */
public final class SftpRemoteFolder implements RemoteFolder {
    private final SftpEndpoint endpoint;
    private SftpConnection connection;

    private SftpRemoteFolder(SftpEndpoint endpoint, SftpConnection connection) {
        this.endpoint = endpoint;
        this.connection = connection;
    }

    /**
     * Connects to the endpoint's folder.
     *
     * @throws PartnerException when the server cannot be reached or refuses
     */
    public static SftpRemoteFolder connect(SftpEndpoint endpoint) {
        return new SftpRemoteFolder(endpoint, SftpConnection.open(endpoint));
    }

    /** The current connection (reopened if it was lost), for what the folder interface does not cover. */
    public SftpConnection connection() {
        if (!connection.isOpen()) {
            connection.close();
            connection = SftpConnection.open(endpoint);
        }
        return connection;
    }

    @Override
    public String location() {
        return endpoint.location();
    }

    @Override
    public List<String> list() {
        return onLiveConnection(SftpConnection::list);
    }

    @Override
    public OutputStream create(String name) {
        return connection.create(name);
    }

    @Override
    public void rename(String from, String to, boolean replace) {
        connection.rename(from, to, replace);
    }

    @Override
    public boolean delete(String name) {
        return onLiveConnection(live -> live.delete(name));
    }

    /**
     * Runs a cleanup step on the connection, reopened if it was lost — also when it was lost so recently that it
     * still looked open: a connection that breaks under the step is replaced once and the step done again.
     */
    private <T> T onLiveConnection(java.util.function.Function<SftpConnection, T> step) {
        try {
            return step.apply(connection());
        } catch (PartnerException e) {
            if (!e.errorCode().equals(SftpErrors.CONNECTION_LOST)) {
                throw e;
            }
            connection.close();
            connection = SftpConnection.open(endpoint);
            return step.apply(connection);
        }
    }

    @Override
    public PartnerException failure(String action, IOException cause) {
        return connection.failure(action, cause);
    }

    @Override
    public void close() {
        connection.close();
    }
}
