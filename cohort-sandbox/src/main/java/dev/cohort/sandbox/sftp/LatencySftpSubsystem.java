package dev.cohort.sandbox.sftp;

import java.io.IOException;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.sftp.server.SftpSubsystem;
import org.apache.sshd.sftp.server.SftpSubsystemConfigurator;

/**
 * MINA's SFTP subsystem for one session, answering each request {@link SftpFaults#latency()} after it
 * was served. Requests are still served one after another on the session's own thread, at once; only
 * the answers wait, in order ({@link DelayedReplies}). With no latency, and nothing waiting, an answer
 * goes out at once as in MINA's own subsystem.
 */
final class LatencySftpSubsystem extends SftpSubsystem {
    private final SftpFaults faults;
    private final Object lock = new Object();
    private DelayedReplies delayed; // guarded by lock; made at the first delayed answer
    private boolean destroyed; // guarded by lock

    LatencySftpSubsystem(ChannelSession channel, SftpSubsystemConfigurator configurator, SftpFaults faults) {
        super(channel, configurator);
        this.faults = faults;
    }

    @Override
    protected void send(Buffer reply) throws IOException {
        long latency = faults.latency().toNanos();
        DelayedReplies replies;
        synchronized (lock) {
            if (destroyed || latency == 0 && delayed == null) {
                replies = null;
            } else {
                if (delayed == null) {
                    delayed = new DelayedReplies("sandbox-sftp-latency-" + getServerChannelSession().getChannelId(),
                            this::sendNow);
                }
                replies = delayed;
            }
        }
        if (replies == null) {
            super.send(reply);
        } else {
            // once any answer has waited, every later one queues behind it, so that answers stay in order
            replies.add(reply, System.nanoTime() + latency);
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        synchronized (lock) {
            destroyed = true;
            if (delayed != null) {
                delayed.stop();
            }
        }
        super.destroy(channel);
    }

    private void sendNow(Buffer reply) throws IOException {
        super.send(reply);
    }
}
