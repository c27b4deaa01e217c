package dev.cohort.sandbox.sftp;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * The answers of one SFTP session that are waiting for their time ({@link SftpFaults#latency}): sent in
 * the order they were given, none before its due time, by the session's own virtual thread, which sleeps
 * until then. No busy waiting, and nothing shared with other sessions, so a slow answer of one session
 * never holds up another's.
 */
final class DelayedReplies {
    /** Sends one answer now (MINA's own send). */
    @FunctionalInterface
    interface Sender {
        void send(Buffer reply) throws IOException;
    }

    private record Reply(Buffer buffer, long dueNanos) {
    }

    private final BlockingQueue<Reply> waiting = new LinkedBlockingQueue<>();
    private final Sender sender;
    private final Thread thread;

    DelayedReplies(String threadName, Sender sender) {
        this.sender = sender;
        this.thread = Thread.ofVirtual().name(threadName).start(this::sendInTurn);
    }

    /** Sends {@code reply} once {@link System#nanoTime()} reaches {@code dueNanos}, after every answer added before. */
    void add(Buffer reply, long dueNanos) {
        waiting.add(new Reply(reply, dueNanos));
    }

    /** Drops the answers still waiting: the session is gone. */
    void stop() {
        thread.interrupt();
        waiting.clear();
    }

    private void sendInTurn() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Reply reply = waiting.take();
                long wait = reply.dueNanos() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                sender.send(reply.buffer());
            }
        } catch (InterruptedException e) {
            // stopped: the session closed, nobody is waiting for these answers any more
        } catch (IOException e) {
            // the channel closed under the answers: the client is gone, and so are its requests
            waiting.clear();
        }
    }
}
