package dev.cohort.runtime.template;

import dev.cohort.model.FieldSource;
import dev.cohort.model.Location;
import dev.cohort.model.Problems;
import dev.cohort.model.TemplateField;
import dev.cohort.model.Transform;
import dev.cohort.normalisation.InvalidValueException;
import dev.cohort.normalisation.PhoneNumbers;
import java.util.List;

/** The checks of one field's source and transform chain that need no destination and no query. */
final class FieldChecks {
    /** What a transform's output is, as far as the next transform cares. */
    private enum Kind {
        TEXT("text"),
        EMAIL("an e-mail address"),
        PHONE("an E.164 phone number"),
        DIGEST("a SHA-256 digest"),
        UUID("a UUID");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    private FieldChecks() {}

    static void check(TemplateField field, String key, Problems problems) {
        List<Transform> chain = field.transforms();
        if (field.source() instanceof FieldSource.Blank && !chain.isEmpty()) {
            problems.add(Location.key(key), TemplateChecks.TRANSFORM_ON_BLANK, "field '" + field.name()
                    + "' is blank, so it has nothing to transform: remove its transforms");
            return;
        }
        boolean runnable = true;
        Kind kind = Kind.TEXT;
        String producer = null;
        for (int i = 0; i < chain.size(); i++) {
            Transform transform = chain.get(i);
            String transformKey = key + ".transforms[" + i + "]";
            if (transform instanceof Transform.Phone phone && !PhoneNumbers.isKnownRegion(phone.defaultRegion())) {
                problems.add(Location.key(transformKey), TemplateChecks.UNKNOWN_REGION,
                        PhoneNumbers.unknownRegionMessage(phone.defaultRegion()));
                runnable = false;
            }
            Kind input = accepts(transform);
            if (input != null && kind != Kind.TEXT && kind != input) {
                problems.add(Location.key(transformKey), TemplateChecks.TRANSFORM_ORDER, "'" + transform.keyword()
                        + "' comes after '" + producer + "', which makes " + kind.description + ", so '"
                        + transform.keyword() + "' would reject every row: reorder or remove one of them");
                runnable = false;
            }
            Kind output = produces(transform);
            if (output != null) {
                kind = output;
                producer = transform.keyword();
            }
        }
        if (runnable && field.source() instanceof FieldSource.Constant constant) {
            checkConstant(field, constant.value(), key, problems);
        }
    }

    private static void checkConstant(TemplateField field, String value, String key, Problems problems) {
        try {
            Transforms.apply(field.transforms(), value);
        } catch (InvalidValueException e) {
            problems.add(Location.key(key), TemplateChecks.INVALID_CONSTANT, "the constant of field '" + field.name()
                    + "' is rejected by its own transforms (" + e.reason() + "): fix the constant or the transforms");
        }
    }

    /** The only kind of input besides text the transform can accept, or null when it takes anything. */
    private static Kind accepts(Transform transform) {
        return switch (transform) {
            case Transform.Email email -> Kind.EMAIL;
            case Transform.Phone phone -> Kind.PHONE;
            case Transform.Uuid uuid -> uuid.mode() == Transform.UuidMode.PARSE ? Kind.UUID : null;
            case Transform.Trim trim -> null;
            case Transform.LowerCase lower -> null;
            case Transform.UpperCase upper -> null;
            case Transform.Sha256 sha256 -> null;
        };
    }

    /** The kind of the transform's output, or null when it keeps the kind of its input. */
    private static Kind produces(Transform transform) {
        return switch (transform) {
            case Transform.Email email -> Kind.EMAIL;
            case Transform.Phone phone -> Kind.PHONE;
            case Transform.Sha256 sha256 -> Kind.DIGEST;
            case Transform.Uuid uuid -> Kind.UUID;
            case Transform.Trim trim -> null;
            case Transform.LowerCase lower -> null;
            case Transform.UpperCase upper -> null;
        };
    }
}
