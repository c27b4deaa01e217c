package dev.cohort.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@code cohort server} runs.
 *
 * @param host             the address to listen on
 * @param port             the HTTP port; 0 for any free port
 * @param workers          how many runs this node executes at the same time; 0 for a node that serves the API and
 *                         fires schedules but executes nothing
 * @param perDestination   how many runs may write to one destination at the same time, across all nodes
 * @param drainTimeout     on shutdown, how long running runs may take to finish before they are interrupted
 * @param pollInterval     how often an idle worker looks for runs other nodes queued
 * @param node             this node's name in runs' {@code worker} ({@code host:pid} by default)
 * @param publicUrl        the server's address as partners reach it (for links to files they fetch), or null for
 *                         its own {@code http://host:port}
 * @param fileLinkValidity how long a link to a lent file works (12 hours by default, as Insider One asks)
 * @param eventClaimTimeout how long events claimed by a node that died wait before another node (or this one,
 *                          restarted) delivers them again
 */
public record ServerOptions(String host, int port, int workers, int perDestination, Duration drainTimeout,
                            Duration pollInterval, String node, String publicUrl, Duration fileLinkValidity,
                            Duration eventClaimTimeout) {
    public static final int DEFAULT_PORT = 8080;

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(fileLinkValidity, "fileLinkValidity");
        Objects.requireNonNull(eventClaimTimeout, "eventClaimTimeout");
        if (eventClaimTimeout.isNegative() || eventClaimTimeout.isZero()) {
            throw new IllegalArgumentException("the event claim timeout must be positive");
        }
        if (publicUrl != null && !publicUrl.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw new IllegalArgumentException("the public URL must be http(s)://host[:port][/path], not '" + publicUrl + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, not " + port);
        }
        if (workers < 0) {
            throw new IllegalArgumentException("workers must be 0 or more, not " + workers);
        }
        if (perDestination < 1) {
            throw new IllegalArgumentException("perDestination must be at least 1, not " + perDestination);
        }
    }

    /** The defaults: loopback, port 8080, 4 workers, 2 runs per destination, 30 s to drain. */
    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", DEFAULT_PORT, 4, 2, Duration.ofSeconds(30), Duration.ofSeconds(1),
                defaultNode(), null, Duration.ofHours(12), Duration.ofMinutes(2));
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(host, newPort, workers, perDestination, drainTimeout, pollInterval, node, publicUrl, fileLinkValidity, eventClaimTimeout);
    }

    public ServerOptions withWorkers(int newWorkers) {
        return new ServerOptions(host, port, newWorkers, perDestination, drainTimeout, pollInterval, node, publicUrl, fileLinkValidity, eventClaimTimeout);
    }

    public ServerOptions withHost(String newHost) {
        return new ServerOptions(newHost, port, workers, perDestination, drainTimeout, pollInterval, node, publicUrl, fileLinkValidity, eventClaimTimeout);
    }

    public ServerOptions withPerDestination(int limit) {
        return new ServerOptions(host, port, workers, limit, drainTimeout, pollInterval, node, publicUrl, fileLinkValidity, eventClaimTimeout);
    }

    public ServerOptions withDrainTimeout(Duration timeout) {
        return new ServerOptions(host, port, workers, perDestination, timeout, pollInterval, node, publicUrl, fileLinkValidity, eventClaimTimeout);
    }

    public ServerOptions withPollInterval(Duration interval) {
        return new ServerOptions(host, port, workers, perDestination, drainTimeout, interval, node, publicUrl, fileLinkValidity, eventClaimTimeout);
    }

    public ServerOptions withNode(String name) {
        return new ServerOptions(host, port, workers, perDestination, drainTimeout, pollInterval, name, publicUrl, fileLinkValidity, eventClaimTimeout);
    }

    public ServerOptions withPublicUrl(String url) {
        return new ServerOptions(host, port, workers, perDestination, drainTimeout, pollInterval, node, url, fileLinkValidity, eventClaimTimeout);
    }

    public ServerOptions withFileLinkValidity(Duration validity) {
        return new ServerOptions(host, port, workers, perDestination, drainTimeout, pollInterval, node, publicUrl, validity, eventClaimTimeout);
    }

    public ServerOptions withEventClaimTimeout(Duration timeout) {
        return new ServerOptions(host, port, workers, perDestination, drainTimeout, pollInterval, node, publicUrl,
                fileLinkValidity, timeout);
    }

    private static String defaultNode() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
