package dev.cohort.sandbox.air;

/**
 * A tier of the loyalty program: a wallet is in the highest tier whose threshold its lifetime points have reached
 * (Bronze 0, Silver 5,000, Gold 20,000). A wallet below every threshold has no tier.
 *
 * @param name 1 to 50 characters, no control characters
 * @param threshold the lifetime points from which a wallet is in this tier, 0 or more
 */
public record AirTier(String name, long threshold) {
    public AirTier {
        if (name == null || name.isBlank() || name.length() > 50 || name.chars().anyMatch(Character::isISOControl)) {
            throw SandboxAirException.invalid("The tier name `" + name + "` is not valid: give 1 to 50 characters, e.g. Silver.");
        }
        if (threshold < 0) {
            throw SandboxAirException.invalid("The tier " + name + " needs a threshold of 0 points or more, not " + threshold + ".");
        }
    }
}
