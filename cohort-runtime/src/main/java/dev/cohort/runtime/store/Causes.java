package dev.cohort.runtime.store;

/** Looks through an exception's chain of causes. */
final class Causes {
    private Causes() {}

    /** The first throwable of {@code type} in the chain starting at {@code error}, or null. */
    static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }
}
