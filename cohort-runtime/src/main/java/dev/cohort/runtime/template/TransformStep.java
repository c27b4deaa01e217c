package dev.cohort.runtime.template;

import dev.cohort.model.Transform;
import dev.cohort.normalisation.EmailAddresses;
import dev.cohort.normalisation.InvalidValueException;
import dev.cohort.normalisation.PhoneNumbers;
import dev.cohort.normalisation.UuidText;
import dev.cohort.normalisation.WhiteSpace;
import java.util.Locale;

/**
 * One compiled transform. A step may keep state between calls (a message digest, a parsed-number
 * object), so it belongs to one evaluator and one thread.
 */
@FunctionalInterface
interface TransformStep {
    /**
     * Applies the rule to a value that is not null.
     *
     * @return the new value, or null when the rule treats the value as missing
     * @throws InvalidValueException when the value breaks the rule
     */
    String apply(String value);

    /** A new step for {@code transform}, with state of its own. */
    static TransformStep of(Transform transform) {
        return switch (transform) {
            case Transform.Trim trim -> WhiteSpace::trim;
            case Transform.LowerCase lower -> value -> value.toLowerCase(Locale.ROOT);
            case Transform.UpperCase upper -> value -> value.toUpperCase(Locale.ROOT);
            case Transform.Email email -> EmailAddresses::normalise;
            case Transform.Phone phone -> new PhoneNumbers(phone.defaultRegion())::normalise;
            case Transform.Sha256 sha256 -> new Sha256Hasher()::hash;
            case Transform.Uuid uuid -> switch (uuid.mode()) {
                case NAME_BASED -> new NameBasedUuids(uuid.namespace())::derive;
                case PARSE -> UuidText::parse;
            };
        };
    }
}
