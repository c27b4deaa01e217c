package dev.cohort.bench;

/**
 * The command line of the rate-limit benchmark ({@link InsiderBenchmark}).
 *
 * @param requests upload requests sent through the runtime's gate
 * @param rate     the rate limit, in requests per second, both declared to the gate and set on the stand-in
 * @param clients  concurrent clients (virtual threads) sending the requests, in both phases
 * @param burst    requests of the baseline burst sent without the gate
 * @param warmup   requests sent first, unmeasured, through a gate of their own for another account, so that the
 *                 JVM's JIT is warm when the measurement starts; 0 for none
 * @param help     print the usage and stop
 */
record InsiderBenchmarkOptions(int requests, int rate, int clients, int burst, int warmup, boolean help) {
    static final int DEFAULT_REQUESTS = 20_000;
    static final int DEFAULT_RATE = 100;
    static final int DEFAULT_CLIENTS = 64;

    static final String USAGE = """
              --requests N  upload requests sent through the runtime's rate gate (default 20000; ~205 s at 100/s)
              --rate N      requests per second: the limit declared to the gate and set on the Insider stand-in (default 100)
              --clients N   concurrent clients (virtual threads) sending them (default 64)
              --burst N     requests of the baseline burst sent without the gate, after the measurement (default 2 × --rate)
              --warmup N    requests sent first, unmeasured, for another account through a gate of its own, so that the
                            JIT is warm, as in a long-running server (default 0: measure from a cold JVM, as `cohort run`)
            """.stripTrailing();

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message for the user. */
    static InsiderBenchmarkOptions parse(String... args) {
        int requests = DEFAULT_REQUESTS;
        int rate = DEFAULT_RATE;
        int clients = DEFAULT_CLIENTS;
        Integer burst = null;
        int warmup = 0;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--requests" -> requests = count(option, args, ++i);
                case "--rate" -> rate = count(option, args, ++i);
                case "--clients" -> clients = count(option, args, ++i);
                case "--burst" -> burst = count(option, args, ++i);
                case "--warmup" -> warmup = count(option, args, ++i, 0);
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + option + " for the insider benchmark");
            }
        }
        if (clients > 10_000) {
            throw new IllegalArgumentException("--clients must be at most 10000, got " + clients);
        }
        if (rate > 100_000) {
            throw new IllegalArgumentException("--rate must be at most 100000 requests per second, got " + rate);
        }
        return new InsiderBenchmarkOptions(requests, rate, clients, burst == null ? 2 * rate : burst, warmup, help);
    }

    private static int count(String option, String[] args, int index) {
        return count(option, args, index, 1);
    }

    private static int count(String option, String[] args, int index, int least) {
        long value = BenchmarkOptions.number(option, BenchmarkOptions.value(args, index, option));
        if (value < least || value > 10_000_000) {
            throw new IllegalArgumentException(option + " must be between " + least + " and 10000000, got " + value);
        }
        return (int) value;
    }
}
