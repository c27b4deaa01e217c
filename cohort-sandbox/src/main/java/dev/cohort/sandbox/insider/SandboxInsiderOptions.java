package dev.cohort.sandbox.insider;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The settings of a one-account sandbox Insider One server as a person gives them on the command line
 * ({@code cohort sandbox insider}, later); see {@link #USAGE}. The API token never comes from the command
 * line, where other users of the machine could read it, but from {@value #TOKEN_VARIABLE}.
 *
 * @param host the address to listen on
 * @param port the port, 0 for any free one
 * @param partner the account's partner name (lower-case)
 * @param token the account's API token
 * @param rateLimitPerSecond requests the account may make per second
 * @param callbackDelay how long after reading a file its result is posted
 */
public record SandboxInsiderOptions(String host, int port, String partner, String token, int rateLimitPerSecond,
                                    Duration callbackDelay) {
    public static final String TOKEN_VARIABLE = "COHORT_SANDBOX_INSIDER_TOKEN";
    public static final int DEFAULT_PORT = 8086;
    public static final String DEFAULT_PARTNER = "sandbox";
    public static final String USAGE = """
            Usage: SandboxInsiderServer [--host ADDRESS] [--port N] [--partner NAME] [--rate-limit N]
                                        [--callback-delay SECONDS]
              --host ADDRESS            address to listen on (default 127.0.0.1)
              --port N                  port to listen on, 0 for any free port (default 8086)
              --partner NAME            the account's partner name, lower-case (default sandbox)
              --rate-limit N            requests per second the account may make (default 100)
              --callback-delay SECONDS  time between reading a file and posting its result (default 2; e.g. 0.5)
            The account's API token is read from $COHORT_SANDBOX_INSIDER_TOKEN.
            """;

    public SandboxInsiderOptions {
        host = host == null ? SandboxInsiderServer.DEFAULT_HOST : host;
        partner = partner == null ? DEFAULT_PARTNER : partner;
        callbackDelay = callbackDelay == null ? SandboxInsiderServer.DEFAULT_CALLBACK_DELAY : callbackDelay;
        new InsiderAccount(partner, token); // checks the partner name is lower-case and the token not blank
    }

    /**
     * Reads {@link #USAGE}-style arguments; {@code environment} supplies {@value #TOKEN_VARIABLE}.
     *
     * @throws SandboxInsiderException {@code SANDBOX_INSIDER_INVALID_SETTING} naming the argument that is wrong
     */
    public static SandboxInsiderOptions parse(List<String> args, Map<String, String> environment) {
        String host = null;
        int port = DEFAULT_PORT;
        String partner = null;
        int rateLimit = SandboxInsiderServer.DEFAULT_RATE_LIMIT_PER_SECOND;
        Duration callbackDelay = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--host" -> host = valueOf(args, ++i, option);
                case "--port" -> port = numberOf(option, valueOf(args, ++i, option), "1 to 65535, or 0 for any free port");
                case "--partner" -> partner = valueOf(args, ++i, option);
                case "--rate-limit" -> rateLimit = numberOf(option, valueOf(args, ++i, option), "a number of requests per second, e.g. 100");
                case "--callback-delay" -> callbackDelay = secondsOf(valueOf(args, ++i, option));
                default -> throw SandboxInsiderException.invalid("Unknown option `" + option + "`.");
            }
        }
        String token = environment.get(TOKEN_VARIABLE);
        if (token == null || token.isBlank()) {
            throw SandboxInsiderException.invalid("The sandbox Insider One server needs the account's API token in the environment variable "
                    + TOKEN_VARIABLE + " (it is not taken from the command line, where others could read it).");
        }
        return new SandboxInsiderOptions(host, port, partner, token, rateLimit, callbackDelay);
    }

    /** The one account these options describe. */
    public InsiderAccount toAccount() {
        return new InsiderAccount(partner, token);
    }

    @Override
    public String toString() {
        return "SandboxInsiderOptions[host=" + host + ", port=" + port + ", partner=" + partner + ", token=****, rateLimitPerSecond="
                + rateLimitPerSecond + ", callbackDelay=" + callbackDelay + "]";
    }

    private static String valueOf(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw SandboxInsiderException.invalid("The option " + option + " needs a value.");
        }
        return args.get(index);
    }

    private static int numberOf(String option, String value, String expected) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw SandboxInsiderException.invalid("The value `" + value + "` of " + option + " is not a number: give " + expected + ".");
        }
    }

    private static Duration secondsOf(String value) {
        try {
            BigDecimal seconds = new BigDecimal(value);
            if (seconds.signum() >= 0) {
                return Duration.ofMillis(seconds.movePointRight(3).longValueExact());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw SandboxInsiderException.invalid("The value `" + value + "` of --callback-delay is not a number of seconds: give e.g. 2 or 0.5.");
    }
}
