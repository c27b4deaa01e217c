package dev.cohort.spi.destination;

import dev.cohort.spi.Causes;
import dev.cohort.spi.destination.CheckResult.Step;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * The part of a connection check that every destination behind an HTTP API shares: the base URL's host resolves, and
 * it answers over HTTP(S) — any status will do, the point is that the network, the port and TLS work. Each failure is
 * a step that names what failed (DNS, a timeout, a refused connection, TLS) and what to correct ({@code base_url}).
 * What a partner can verify beyond that (credentials) is the destination's own step.
 */
public final class HttpReachability {
    private static final int MAX_BODY_READ = 64 * 1024;

    private HttpReachability() {}

    /**
     * Adds a {@code resolve <host>} and a {@code reach <base>} step to {@code steps}, stopping at the first that fails.
     *
     * @param exampleHost a host to name in the DNS hint ({@code wallet.sandbox.uk.eagleeye.com}), or null
     * @return whether the base URL was reached
     */
    public static boolean check(URI base, CheckContext context, String exampleHost, List<Step> steps) {
        String host = base.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            steps.add(new Step("resolve " + host, false, "the host " + host + " does not resolve (DNS): correct base_url"
                    + (exampleHost == null ? "" : " (e.g. " + exampleHost + ")") + ", or check this machine's DNS and network"));
            return false;
        }
        steps.add(new Step("resolve " + host, true, host + " is " + Arrays.stream(addresses).map(InetAddress::getHostAddress)
                .distinct().limit(4).collect(Collectors.joining(", "))));
        String reach = "reach " + base;
        String where = host + ":" + port(base);
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(context.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/")).timeout(context.timeout()).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                body.readNBytes(MAX_BODY_READ);
            }
            steps.add(new Step(reach, true, "answered HTTP " + response.statusCode() + " over "
                    + (base.getScheme().equalsIgnoreCase("https") ? "HTTPS" : "plain HTTP") + " (any answer shows it is reachable)"));
            return true;
        } catch (HttpConnectTimeoutException e) {
            steps.add(new Step(reach, false, "could not connect to " + where + " within " + context.timeout().toSeconds()
                    + " s: a firewall may drop the connection; check base_url and that this machine may reach " + where));
        } catch (HttpTimeoutException e) {
            steps.add(new Step(reach, false, where + " took the connection but did not answer within " + context.timeout().toSeconds()
                    + " s: check base_url, or try again later"));
        } catch (IOException e) {
            steps.add(new Step(reach, false, failure(e, where)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            steps.add(new Step(reach, false, "the check was interrupted"));
        }
        return false;
    }

    private static String failure(IOException e, String where) {
        if (Causes.has(e, SSLException.class)) {
            return "the TLS handshake with " + where + " failed (" + Causes.rootMessage(e) + "): its certificate is not trusted by this Java,"
                    + " has expired, or is not for this host; check base_url";
        }
        if (Causes.has(e, ConnectException.class)) {
            return "the connection to " + where + " was refused: nothing listens there; check base_url's host and port";
        }
        return "the connection to " + where + " failed (" + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                : ": " + e.getMessage()) + "); check base_url";
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
