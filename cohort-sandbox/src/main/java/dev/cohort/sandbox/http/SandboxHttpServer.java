package dev.cohort.sandbox.http;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;

/**
 * The life of every API stand-in: built with a host and a port (0 for any free one), started once — {@link #listen}
 * binds an {@link HttpListener} —, closed once; a closed stand-in cannot be started again. Its host, port and base URL
 * while it runs. A stand-in adds its API and, in {@link #stopped()}, whatever it runs besides listening (senders,
 * background work). Thread-safe: the state changes under the stand-in's own lock.
 */
public abstract class SandboxHttpServer implements AutoCloseable {
    private final String name;
    private final String host;
    private final int requestedPort;
    private HttpListener listener;
    private volatile boolean closed;

    /** @param name how messages call it, e.g. {@code sandbox AIR server} */
    protected SandboxHttpServer(String name, String host, int requestedPort) {
        this.name = name;
        this.host = host;
        this.requestedPort = requestedPort;
    }

    /** @throws IllegalStateException when already started or closed */
    protected final void requireStartable() {
        if (listener != null || closed) {
            throw new IllegalStateException("the " + name + " is " + (closed ? "closed" : "already started"));
        }
    }

    /**
     * Binds the host and port and serves every path with {@code handler}, one virtual thread a request.
     *
     * @throws IOException when the address cannot be bound: say so with {@link #startFailure}
     */
    protected final synchronized void listen(String threadPrefix, HttpHandler handler) throws IOException {
        requireStartable();
        listener = HttpListener.start(host, requestedPort, threadPrefix, handler);
    }

    /** What to tell a user whose stand-in could not bind its address. */
    protected final String startFailure(IOException e) {
        return "Cannot start the " + name + " on " + host + ":" + requestedPort + ": " + e.getMessage()
                + ". Choose another port, or port 0 for any free one.";
    }

    /** Stops listening, then whatever {@link #stopped()} stops; closing again does nothing. */
    @Override
    public final synchronized void close() {
        closed = true;
        if (listener != null) {
            listener.close();
            listener = null;
            stopped();
        }
    }

    /** What the stand-in stops besides listening; called once, after the listener, under the lock. */
    protected void stopped() {
    }

    protected final boolean isClosed() {
        return closed;
    }

    public final synchronized boolean isRunning() {
        return listener != null;
    }

    public final String host() {
        return host;
    }

    /** The port clients connect to: the ephemeral one chosen when the stand-in was built with port 0. */
    public final synchronized int port() {
        if (listener == null) {
            throw new IllegalStateException("the " + name + " is not running: start() it first");
        }
        return listener.port();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
    public final synchronized URI url() {
        port();
        return listener.url();
    }
}
