package dev.cohort.connector.air;

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
 * The connection check of an {@code eagle-eye-air-trigger} destination: what can be known without rewarding anyone.
 * The base URL's host resolves and answers over HTTP(S) — any status will do: the point is that the network, the
 * port and TLS work. AIR has no call that verifies a client id and secret without running a service, so the check
 * says so: the first trigger verifies them (a wrong one fails that run with {@code 401}, rewarding nobody).
 */
final class AirTriggerCheck {
    private AirTriggerCheck() {}

    static CheckResult run(AirTriggerConfig config, CheckContext context) {
        List<Step> steps = new ArrayList<>();
        URI base = config.air().baseUrl();
        String host = base.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            steps.add(new Step("resolve " + host, false, "the host " + host + " does not resolve (DNS): correct base_url (e.g."
                    + " wallet.sandbox.uk.eagleeye.com), or check this machine's DNS and network"));
            return new CheckResult(steps);
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
                body.readNBytes(64 * 1024);
            }
            steps.add(new Step(reach, true, "answered HTTP " + response.statusCode() + " over "
                    + (base.getScheme().equalsIgnoreCase("https") ? "HTTPS" : "plain HTTP") + " (any answer shows it is reachable)"));
        } catch (HttpConnectTimeoutException e) {
            steps.add(new Step(reach, false, "could not connect to " + where + " within " + context.timeout().toSeconds()
                    + " s: a firewall may drop the connection; check base_url and that this machine may reach " + where));
            return new CheckResult(steps);
        } catch (HttpTimeoutException e) {
            steps.add(new Step(reach, false, where + " took the connection but did not answer within " + context.timeout().toSeconds()
                    + " s: check base_url, or try again later"));
            return new CheckResult(steps);
        } catch (IOException e) {
            steps.add(new Step(reach, false, failure(e, where)));
            return new CheckResult(steps);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            steps.add(new Step(reach, false, "the check was interrupted"));
            return new CheckResult(steps);
        }
        steps.add(new Step("client_id and client_secret", true, "not verified here: AIR has no call that checks them without"
                + " running a service, so the first trigger does (wrong ones fail that run with 401, and nobody is rewarded)"));
        return new CheckResult(steps);
    }

    private static String failure(IOException e, String where) {
        if (has(e, SSLException.class)) {
            return "the TLS handshake with " + where + " failed (" + rootMessage(e) + "): its certificate is not trusted by this Java,"
                    + " has expired, or is not for this host; check base_url";
        }
        if (has(e, ConnectException.class)) {
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
