package dev.cohort.sandbox.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP side every API stand-in shares: the JDK's server bound to a host and port (0 for any free one), one virtual
 * thread per request, one handler for every path; its port and base URL once bound. Close once.
 */
public final class HttpListener implements AutoCloseable {
    private final String host;
    private final HttpServer server;
    private final ExecutorService requests;

    private HttpListener(String host, HttpServer server, ExecutorService requests) {
        this.host = host;
        this.server = server;
        this.requests = requests;
    }

    /**
     * Binds and starts listening.
     *
     * @param threadPrefix the request threads' name prefix ({@code sandbox-air-request-})
     * @throws IOException when the address cannot be bound
     */
    public static HttpListener start(String host, int port, String threadPrefix, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        ExecutorService requests = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(threadPrefix, 0).factory());
        server.createContext("/", handler);
        server.setExecutor(requests);
        server.start();
        return new HttpListener(host, server, requests);
    }

    /** The port clients connect to: the ephemeral one chosen when bound with port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123} ({@code [::1]} for an IPv6 host). */
    public URI url() {
        String address = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + address + ":" + port());
    }

    /** Stops listening at once and stops the requests in progress. */
    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
    }
}
