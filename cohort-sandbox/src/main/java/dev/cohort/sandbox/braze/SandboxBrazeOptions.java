package dev.cohort.sandbox.braze;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The settings of a one-key sandbox Braze server as a person gives them on the command line
 * ({@code cohort sandbox braze}); see {@link #USAGE}. Null and zero fields take their defaults, so the CLI can pass what
 * it was given. The key comes from {@code --api-key} or, better (a command line is visible to other users of the
 * machine), {@value #API_KEY_VARIABLE}, else the public demo key {@value #DEMO_API_KEY}.
 *
 * @param host the address to listen on
 * @param port the port, 0 for any free one
 * @param apiKey the REST API key requests must carry
 * @param rateLimitRequests requests per window per key
 * @param rateLimitWindow the rate limit's window
 * @param maxObjectsPerArray the most attributes, events or purchases per array of one request
 * @param maxObjectsPerRequest the most objects in all three arrays of one request; 0 for no such limit
 */
public record SandboxBrazeOptions(String host, int port, String apiKey, int rateLimitRequests, Duration rateLimitWindow,
                                  int maxObjectsPerArray, int maxObjectsPerRequest) {
    public static final String API_KEY_VARIABLE = "COHORT_SANDBOX_BRAZE_API_KEY";
    public static final String DEMO_API_KEY = "sandbox-braze-api-key";
    public static final int DEFAULT_PORT = 8088;
    public static final String USAGE = """
            Usage: SandboxBrazeServer [--host ADDRESS] [--port N] [--api-key KEY] [--rate-limit N] [--rate-window SECONDS]
                                      [--max-per-array N] [--max-per-request N]
              --host ADDRESS          address to listen on (default 127.0.0.1)
              --port N                port to listen on, 0 for any free port (default 8088)
              --api-key KEY           the REST API key (default $COHORT_SANDBOX_BRAZE_API_KEY, else the demo key
                                      sandbox-braze-api-key); prefer the variable: others can read a command line
              --rate-limit N          /users/track requests per window (default 3000)
              --rate-window SECONDS   the rate limit's window (default 3; decimals allowed)
              --max-per-array N       attributes, events or purchases per array of one request (default 75)
              --max-per-request N     objects in all three arrays of one request, e.g. 50 (default: no such limit)
            """;

    public SandboxBrazeOptions {
        host = host == null ? SandboxBrazeServer.DEFAULT_HOST : host;
        apiKey = apiKey == null ? DEMO_API_KEY : apiKey;
        rateLimitRequests = rateLimitRequests == 0 ? SandboxBrazeServer.DEFAULT_RATE_LIMIT_REQUESTS : rateLimitRequests;
        rateLimitWindow = rateLimitWindow == null ? SandboxBrazeServer.DEFAULT_RATE_LIMIT_WINDOW : rateLimitWindow;
        maxObjectsPerArray = maxObjectsPerArray == 0 ? SandboxBrazeServer.DEFAULT_MAX_PER_ARRAY : maxObjectsPerArray;
        // every value is checked by the builder, once, with the message a person needs
        SandboxBrazeServer.builder().port(port).apiKey(apiKey).rateLimit(rateLimitRequests, rateLimitWindow)
                .maxObjectsPerArray(maxObjectsPerArray).maxObjectsPerRequest(maxObjectsPerRequest);
    }

    /** The defaults: loopback, port 8088, the demo key, 3,000 requests per 3 s, 75 per array. */
    public static SandboxBrazeOptions defaults() {
        return new SandboxBrazeOptions(null, DEFAULT_PORT, null, 0, null, 0, 0);
    }

    /**
     * Reads {@link #USAGE}-style arguments; {@code environment} supplies {@value #API_KEY_VARIABLE}.
     *
     * @throws SandboxBrazeException {@code SANDBOX_BRAZE_INVALID_SETTING} naming the argument that is wrong
     */
    public static SandboxBrazeOptions parse(List<String> args, Map<String, String> environment) {
        String host = null;
        int port = DEFAULT_PORT;
        String key = environment.get(API_KEY_VARIABLE);
        key = key == null || key.isBlank() ? null : key;
        int rateLimit = 0;
        Duration window = null;
        int perArray = 0;
        int perRequest = 0;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--host" -> host = valueOf(args, ++i, option);
                case "--port" -> port = numberOf(option, valueOf(args, ++i, option), "1 to 65535, or 0 for any free port");
                case "--api-key" -> key = valueOf(args, ++i, option);
                case "--rate-limit" -> rateLimit = positive(option, valueOf(args, ++i, option), "a number of requests, e.g. 3000");
                case "--rate-window" -> window = secondsOf(option, valueOf(args, ++i, option));
                case "--max-per-array" -> perArray = positive(option, valueOf(args, ++i, option), "a number of objects, e.g. 75");
                case "--max-per-request" -> perRequest = positive(option, valueOf(args, ++i, option), "a number of objects, e.g. 50");
                default -> throw SandboxBrazeException.invalid("Unknown option `" + option + "`.");
            }
        }
        return new SandboxBrazeOptions(host, port, key, rateLimit, window, perArray, perRequest);
    }

    @Override
    public String toString() {
        return "SandboxBrazeOptions[host=" + host + ", port=" + port + ", apiKey=****, rateLimitRequests=" + rateLimitRequests
                + ", rateLimitWindow=" + rateLimitWindow + ", maxObjectsPerArray=" + maxObjectsPerArray
                + ", maxObjectsPerRequest=" + maxObjectsPerRequest + "]";
    }

    private static String valueOf(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw SandboxBrazeException.invalid("The option " + option + " needs a value.");
        }
        return args.get(index);
    }

    private static int numberOf(String option, String value, String expected) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw SandboxBrazeException.invalid("The value `" + value + "` of " + option + " is not a number: give " + expected + ".");
        }
    }

    private static int positive(String option, String value, String expected) {
        int number = numberOf(option, value, expected);
        if (number < 1) {
            throw SandboxBrazeException.invalid("The value of " + option + " must be at least 1, not " + number + ": give " + expected + ".");
        }
        return number;
    }

    private static Duration secondsOf(String option, String value) {
        try {
            BigDecimal seconds = new BigDecimal(value);
            if (seconds.signum() > 0) {
                return Duration.ofMillis(seconds.movePointRight(3).longValueExact());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw SandboxBrazeException.invalid("The value `" + value + "` of " + option + " is not a positive number of seconds: give e.g. 3 or 0.5.");
    }
}
