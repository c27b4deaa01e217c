package dev.cohort.spi;

/**
 * Reading a failure's chain of causes, as the messages that translate I/O failures for users do ("the TLS handshake
 * failed", "the connection was refused"): whether a kind of failure is in the chain, and the innermost one. Safe with
 * a cause that is its own cause.
 */
public final class Causes {
    private Causes() {}

    /** Whether {@code e} or any of its causes is a {@code type}. */
    public static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause ({@code e} itself when it has none). */
    public static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The innermost cause's message, or its class's simple name when it has none. */
    public static String rootMessage(Throwable e) {
        Throwable root = root(e);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
