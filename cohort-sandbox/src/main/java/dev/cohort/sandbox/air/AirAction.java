package dev.cohort.sandbox.air;

import java.util.regex.Pattern;

/**
 * A behavioural action of the loyalty program, as a client sets one up in the AIR dashboard: the unique action
 * reference a platform names in {@code services/trigger} ({@code APP_DOWNLOAD}) and the points it issues.
 *
 * @param reference letters, digits, {@code _ . : -}, starting with a letter or digit (at most 100)
 * @param points the points issued each time the action is triggered, 1 to 1,000,000,000
 */
public record AirAction(String reference, long points) {
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}");

    public AirAction {
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            throw SandboxAirException.invalid("The action reference `" + reference + "` is not valid: use letters, digits, `_`, `.`,"
                    + " `:` or `-` (at most 100), e.g. APP_DOWNLOAD.");
        }
        if (points < 1 || points > 1_000_000_000L) {
            throw SandboxAirException.invalid("The action " + reference + " must issue 1 to 1,000,000,000 points, not " + points + ".");
        }
    }
}
