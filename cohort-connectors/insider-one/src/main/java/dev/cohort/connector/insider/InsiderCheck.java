package dev.cohort.connector.insider;

import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * The connection check of an Insider One destination: what can be known without uploading a segment. The
 * base URL's host resolves, and it answers over HTTP(S) — any status will do, the point is that the
 * network, the port and TLS work. Insider has no call that verifies a partner name and API token without
 * uploading, so the check says so: the first upload verifies them.
 */
final class InsiderCheck {
    private InsiderCheck() {}

    static CheckResult run(InsiderOneConfig config, CheckContext context) {
        List<Step> steps = new ArrayList<>();
        URI base = config.baseUrl();
        String host = base.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            steps.add(new Step("resolve " + host, false, "the host " + host + " does not resolve (DNS): correct base_url, or check this"
                    + " machine's DNS and network"));
            return new CheckResult(steps);
        }
        steps.add(new Step("resolve " + host, true, host + " is " + Arrays.stream(addresses).map(InetAddress::getHostAddress)
                .distinct().limit(4).collect(Collectors.joining(", "))));
        String where = host + ":" + port(base);
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(context.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/")).timeout(context.timeout()).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                body.readNBytes(64 * 1024);
            }
            steps.add(new Step("reach " + base, true, "answered HTTP " + response.statusCode() + " over "
                    + (base.getScheme().equalsIgnoreCase("https") ? "HTTPS" : "plain HTTP") + " (any answer shows it is reachable)"));
        } catch (HttpConnectTimeoutException e) {
            steps.add(new Step("reach " + base, false, "could not connect to " + where + " within " + context.timeout().toSeconds()
                    + " s: a firewall may drop the connection; check base_url and that this machine may reach " + where));
            return new CheckResult(steps);
        } catch (HttpTimeoutException e) {
            steps.add(new Step("reach " + base, false, where + " took the connection but did not answer within "
                    + context.timeout().toSeconds() + " s: check base_url, or try again later"));
            return new CheckResult(steps);
        } catch (IOException e) {
            steps.add(new Step("reach " + base, false, failure(e, where)));
            return new CheckResult(steps);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            steps.add(new Step("reach " + base, false, "the check was interrupted"));
            return new CheckResult(steps);
        }
        steps.add(new Step("partner name and API token", true, "not verified here: Insider One has no call that checks them without"
                + " uploading a segment, so the first upload does (a wrong one fails that run with 401 Bad Api Key.)"));
        return new CheckResult(steps);
    }

    private static String failure(IOException e, String where) {
        if (has(e, SSLException.class)) {
            return "the TLS handshake with " + where + " failed (" + rootMessage(e) + "): its certificate is not trusted by this Java,"
                    + " has expired, or is not for this host; check base_url";
        }
        if (e instanceof ConnectException) {
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

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
