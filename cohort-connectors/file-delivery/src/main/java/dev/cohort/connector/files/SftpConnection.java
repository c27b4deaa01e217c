package dev.cohort.connector.files;

import dev.cohort.spi.destination.PartnerException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHLimitsExtension;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * An authenticated SFTP connection to one endpoint, working in its remote folder: file names are
 * relative to it. Every failure is a {@link PartnerException} with an {@link SftpErrors} code, except
 * the I/O of a stream from {@link #create}, which throws {@link IOException}s that {@link #failure}
 * translates. Not thread-safe: one delivery uses it from one thread at a time.
 */
public final class SftpConnection implements AutoCloseable {
    /** The SFTP write request size every server must take (draft-ietf-secsh-filexfer-02: 32 KiB). */
    static final int WRITE_BUFFER_SIZE = 32 * 1024;
    /** The largest write request sent even where the server allows more (OpenSSH's own message limit is 256 KiB). */
    static final int MAX_WRITE_BUFFER_SIZE = 255 * 1024;
    private static final String LIMITS = "limits@openssh.com";
    private static final String POSIX_RENAME = "posix-rename@openssh.com";
    private final SftpEndpoint endpoint;
    private final ClientSession session;
    private final SftpClient client;
    private int writeLength;

    SftpConnection(SftpEndpoint endpoint, ClientSession session, SftpClient client) {
        this.endpoint = endpoint;
        this.session = session;
        this.client = client;
    }

    /**
     * Connects, verifies the host key against the pin, and logs in.
     *
     * @throws PartnerException naming the step that failed
     */
    public static SftpConnection open(SftpEndpoint endpoint) {
        return SftpHandshake.connect(endpoint);
    }

    public SftpEndpoint endpoint() {
        return endpoint;
    }

    /** Whether the connection is still usable (false after the server or the network dropped it). */
    public boolean isOpen() {
        return session.isOpen() && client.isOpen();
    }

    /** Fails with a plain message unless the remote folder exists and is a folder. */
    public void checkFolder() {
        Attributes attributes;
        try {
            attributes = client.stat(endpoint.folder());
        } catch (IOException e) {
            throw failure("open the folder " + endpoint.folder(), e);
        }
        if (!attributes.isDirectory()) {
            throw new PartnerException(SftpErrors.FOLDER_NOT_FOUND, endpoint.folder() + " on " + SftpFailures.server(endpoint)
                    + " is a file, not a folder: correct remote_folder");
        }
    }

    /** The names of the entries in the remote folder (without {@code .} and {@code ..}), as the server lists them. */
    public List<String> list() {
        List<String> names = new ArrayList<>();
        try {
            for (DirEntry entry : client.readDir(endpoint.folder())) {
                String name = entry.getFilename();
                if (!name.equals(".") && !name.equals("..")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw failure("list the folder " + endpoint.folder(), e);
        }
        return names;
    }

    public boolean exists(String name) {
        try {
            client.stat(endpoint.pathOf(name));
            return true;
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return false;
            }
            throw failure("look for " + name, e);
        } catch (IOException e) {
            throw failure("look for " + name, e);
        }
    }

    /**
     * Creates (or truncates) a file and returns a pipelined stream to it: writes are sent without
     * waiting for each acknowledgement, and block only when the SSH window is full — the
     * back-pressure. {@code close()} waits for every acknowledgement, so a disk-full or lost
     * connection surfaces at the latest there.
     */
    public OutputStream create(String name) {
        try {
            return client.write(endpoint.pathOf(name), writeLength(),
                    EnumSet.of(OpenMode.Write, OpenMode.Create, OpenMode.Truncate));
        } catch (IOException e) {
            throw failure("create " + name, e);
        }
    }

    /**
     * The size of the write requests of an upload: what the server says it takes ({@code limits@openssh.com}, as
     * OpenSSH's own client asks), at most {@value #MAX_WRITE_BUFFER_SIZE} bytes; {@value #WRITE_BUFFER_SIZE} bytes
     * where the server does not say. Fewer, larger requests cost both sides less per byte.
     */
    int writeLength() throws IOException {
        if (writeLength == 0) {
            writeLength = WRITE_BUFFER_SIZE;
            if (client.getServerExtensions().containsKey(LIMITS)) {
                long allowed = client.getExtension(OpenSSHLimitsExtension.class).limits().maxWriteLength;
                if (allowed > WRITE_BUFFER_SIZE) {
                    writeLength = (int) Math.min(allowed, MAX_WRITE_BUFFER_SIZE);
                }
            }
        }
        return writeLength;
    }

    public InputStream read(String name) {
        try {
            return client.read(endpoint.pathOf(name));
        } catch (IOException e) {
            throw failure("read " + name, e);
        }
    }

    /**
     * Deletes a file.
     *
     * @return false when there was no such file
     */
    public boolean delete(String name) {
        try {
            client.remove(endpoint.pathOf(name));
            return true;
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return false;
            }
            throw failure("delete " + name, e);
        } catch (IOException e) {
            throw failure("delete " + name, e);
        }
    }

    /** Whether the server can rename over an existing file atomically ({@code posix-rename@openssh.com}). */
    public boolean canReplaceAtomically() {
        return client.getServerExtensions().containsKey(POSIX_RENAME);
    }

    /**
     * Gives a file its final name. With {@code replace}, an existing file of that name is replaced
     * atomically where the server offers {@code posix-rename@openssh.com}; without it, or without
     * {@code replace}, an existing file is never touched: the rename fails with
     * {@link SftpErrors#FILE_EXISTS}.
     */
    public void rename(String from, String to, boolean replace) {
        String action = "rename " + from + " to " + to;
        try {
            if (replace && canReplaceAtomically()) {
                client.getExtension(OpenSSHPosixRenameExtension.class).posixRename(endpoint.pathOf(from), endpoint.pathOf(to));
                return;
            }
            if (exists(to)) {
                throw new PartnerException(SftpErrors.FILE_EXISTS, "A file named " + to + " already exists in " + endpoint.folder() + " on "
                        + SftpFailures.server(endpoint) + (replace ? " and the server cannot replace files atomically (no "
                        + POSIX_RENAME + ")" : "") + ": remove it, or change file_name so that each delivery has its own name");
            }
            client.rename(endpoint.pathOf(from), endpoint.pathOf(to));
        } catch (IOException e) {
            throw failure(action, e);
        }
    }

    /** The cipher negotiated for the upload direction ({@code aes128-gcm@openssh.com} where the server has it). */
    String uploadCipher() {
        return session.getNegotiatedKexParameter(KexProposalOption.C2SENC);
    }

    /** Translates an I/O failure of this connection (also of a stream from {@link #create}). */
    public PartnerException failure(String action, IOException cause) {
        return SftpFailures.translate(endpoint, action, cause, isOpen());
    }

    /** Closes the connection gracefully, without waiting for the server; never throws. */
    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            // the session is closed below in any case
        } finally {
            session.close(false);
        }
    }
}
