package dev.cohort.sandbox.air;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * The settings of a sandbox AIR server running the {@link AirDemoProgram} as a person gives them on the command line
 * ({@code cohort sandbox air}); see {@link #USAGE}. Null fields take their defaults, so the CLI can pass what it was
 * given. The client secret comes from {@value #CLIENT_SECRET_VARIABLE}, the external key from {@code --external-key}
 * or, better (a command line is visible to other users of the machine), {@value #EXTERNAL_KEY_VARIABLE}; both default
 * to the public demo values of {@link AirDemoProgram}.
 *
 * @param host the address to listen on
 * @param port the port, 0 for any free one
 * @param connectorUrl where event notifications are posted; null to only list them
 * @param externalKey the connector's external key, sent as {@code X-Auth-Token}
 * @param clientId the API client's id
 * @param clientSecret the API client's secret
 * @param unitId the unit id of every notification's headers
 * @param notificationSenders how many notifications are posted at once
 */
public record SandboxAirOptions(String host, int port, URI connectorUrl, String externalKey, String clientId, String clientSecret,
                                String unitId, int notificationSenders) {
    public static final String CLIENT_SECRET_VARIABLE = "COHORT_SANDBOX_AIR_CLIENT_SECRET";
    public static final String EXTERNAL_KEY_VARIABLE = "COHORT_SANDBOX_AIR_EXTERNAL_KEY";
    public static final int DEFAULT_PORT = 8087;
    public static final String USAGE = """
            Usage: SandboxAirServer [--host ADDRESS] [--port N] [--connector-url URL] [--external-key KEY]
                                    [--client-id ID] [--unit-id ID] [--senders N]
              --host ADDRESS       address to listen on (default 127.0.0.1)
              --port N             port to listen on, 0 for any free port (default 8087)
              --connector-url URL  where event notifications are posted, e.g. Cohort's
                                   http://127.0.0.1:8080/out/eagle-eye-air/<connector id> (default: none, only listed)
              --external-key KEY   the connector's external key, sent as X-Auth-Token (default $COHORT_SANDBOX_AIR_EXTERNAL_KEY,
                                   else the demo key sandbox-external-key); prefer the variable: others can read a command line
              --client-id ID       the API client id requests must carry (default cohort-sandbox)
              --unit-id ID         the unit id in notification headers (default 9001)
              --senders N          notifications posted at once, each for another wallet (default 4)
            The client secret is read from $COHORT_SANDBOX_AIR_CLIENT_SECRET (default: the demo secret sandbox-client-secret).
            The loyalty program is the demo one: actions APP_DOWNLOAD (10000 points), LATE_DELIVERY (500), BIRTHDAY (1000),
            PRODUCT_REVIEW (250); tiers Bronze 0, Silver 5000, Gold 20000; wallets 500001 to 500005 with customer ids
            C0000001 to C0000005, e-mails member1@example.com … and mobiles +447700900001 ….
            """;

    public SandboxAirOptions {
        host = host == null ? SandboxAirServer.DEFAULT_HOST : host;
        clientId = clientId == null ? AirDemoProgram.CLIENT_ID : clientId;
        clientSecret = clientSecret == null ? AirDemoProgram.CLIENT_SECRET : clientSecret;
        externalKey = externalKey == null ? AirDemoProgram.EXTERNAL_KEY : externalKey;
        unitId = unitId == null ? AirDemoProgram.UNIT_ID : unitId;
        notificationSenders = notificationSenders == 0 ? SandboxAirServer.DEFAULT_NOTIFICATION_SENDERS : notificationSenders;
        new AirClient(clientId, clientSecret); // checks the id and that the secret is not blank
        if (port < 0 || port > 65_535) {
            throw SandboxAirException.invalid("The port " + port + " is out of range: use 1 to 65535, or 0 for any free port.");
        }
        if (connectorUrl != null && (!connectorUrl.isAbsolute() || connectorUrl.getHost() == null
                || !("http".equals(connectorUrl.getScheme()) || "https".equals(connectorUrl.getScheme())))) {
            throw SandboxAirException.invalid("The connector URL `" + connectorUrl + "` is not an absolute http(s) URL: give e.g."
                    + " http://127.0.0.1:8080/out/eagle-eye-air/loyalty.");
        }
        if (externalKey.isBlank()) {
            throw SandboxAirException.invalid("The external key is blank: give the connector's external key, or leave it out for the demo key.");
        }
    }

    /** The defaults: loopback, port 8087, the demo client and unit, no connector URL. */
    public static SandboxAirOptions defaults() {
        return new SandboxAirOptions(null, DEFAULT_PORT, null, null, null, null, null, 0);
    }

    /**
     * Reads {@link #USAGE}-style arguments; {@code environment} supplies {@value #CLIENT_SECRET_VARIABLE} and
     * {@value #EXTERNAL_KEY_VARIABLE}.
     *
     * @throws SandboxAirException {@code SANDBOX_AIR_INVALID_SETTING} naming the argument that is wrong
     */
    public static SandboxAirOptions parse(List<String> args, Map<String, String> environment) {
        String host = null;
        int port = DEFAULT_PORT;
        URI connectorUrl = null;
        String externalKey = blankToNull(environment.get(EXTERNAL_KEY_VARIABLE));
        String clientId = null;
        String unitId = null;
        int senders = SandboxAirServer.DEFAULT_NOTIFICATION_SENDERS;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--host" -> host = valueOf(args, ++i, option);
                case "--port" -> port = numberOf(option, valueOf(args, ++i, option), "1 to 65535, or 0 for any free port");
                case "--connector-url" -> connectorUrl = urlOf(valueOf(args, ++i, option));
                case "--external-key" -> externalKey = valueOf(args, ++i, option);
                case "--client-id" -> clientId = valueOf(args, ++i, option);
                case "--unit-id" -> unitId = valueOf(args, ++i, option);
                case "--senders" -> senders = numberOf(option, valueOf(args, ++i, option), "a number of senders, e.g. 4");
                default -> throw SandboxAirException.invalid("Unknown option `" + option + "`.");
            }
        }
        if (senders < 1) {
            throw SandboxAirException.invalid("The value of --senders must be at least 1, not " + senders + ".");
        }
        return new SandboxAirOptions(host, port, connectorUrl, externalKey, clientId, blankToNull(environment.get(CLIENT_SECRET_VARIABLE)),
                unitId, senders);
    }

    @Override
    public String toString() {
        return "SandboxAirOptions[host=" + host + ", port=" + port + ", connectorUrl=" + (connectorUrl == null ? null : NotificationDelivery.shown(connectorUrl))
                + ", externalKey=****, clientId=" + clientId + ", clientSecret=****, unitId=" + unitId
                + ", notificationSenders=" + notificationSenders + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String valueOf(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw SandboxAirException.invalid("The option " + option + " needs a value.");
        }
        return args.get(index);
    }

    private static int numberOf(String option, String value, String expected) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw SandboxAirException.invalid("The value `" + value + "` of " + option + " is not a number: give " + expected + ".");
        }
    }

    private static URI urlOf(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw SandboxAirException.invalid("The value of --connector-url is not a URL: give e.g. http://127.0.0.1:8080/out/eagle-eye-air/loyalty.");
        }
    }
}
