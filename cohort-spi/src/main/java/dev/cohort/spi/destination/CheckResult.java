package dev.cohort.spi.destination;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The outcome of a connection check: each step in order, the first failed one last. */
public record CheckResult(List<Step> steps) {
    public CheckResult {
        steps = List.copyOf(steps);
    }

    /**
     * @param name    what was tried ("authenticate as acme")
     * @param ok      whether it worked
     * @param message what happened, in plain words, with the fix when it failed
     */
    public record Step(String name, boolean ok, String message) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(message, "message");
        }
    }

    public boolean ok() {
        return steps.stream().allMatch(Step::ok);
    }

    /** "connect to host:22: refused …" for the failed step, or "ok". */
    public String summary() {
        return steps.stream().filter(step -> !step.ok()).map(step -> step.name() + ": " + step.message())
                .collect(Collectors.collectingAndThen(Collectors.joining("; "), text -> text.isEmpty() ? "ok" : text));
    }
}
