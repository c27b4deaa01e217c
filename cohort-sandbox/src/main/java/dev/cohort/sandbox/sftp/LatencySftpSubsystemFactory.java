package dev.cohort.sandbox.sftp;

import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.server.SftpSubsystem;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * MINA's SFTP subsystem factory with MINA's defaults, making {@link LatencySftpSubsystem}s so that
 * {@link SftpFaults#latency} applies to every session, including those already open.
 */
final class LatencySftpSubsystemFactory extends SftpSubsystemFactory {
    private final SftpFaults faults;

    LatencySftpSubsystemFactory(SftpFaults faults) {
        this.faults = faults;
    }

    @Override
    public Command createSubsystem(ChannelSession channel) {
        SftpSubsystem subsystem = new LatencySftpSubsystem(channel, this, faults);
        getRegisteredListeners().forEach(subsystem::addSftpEventListener);
        return subsystem;
    }
}
