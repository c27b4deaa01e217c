package dev.cohort.sandbox.insider;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A segment as the stand-in stores it after an upload was processed: its valid values, each once, in the
 * order they first appeared in the file. {@link #toString()} shows how many values, never the values.
 *
 * @param partner the account's partner name
 * @param name the segment name
 * @param attribute the attribute the values belong to
 * @param values the valid values, without duplicates
 * @param validCount the valid rows of the upload that made it (duplicates included), as reported to the callback
 * @param invalidCount the rows that were not valid for the attribute (blank lines are not counted)
 * @param storedAt when it was stored, by the server's clock
 */
public record InsiderSegment(String partner, String name, InsiderAttribute attribute, List<String> values,
                             long validCount, long invalidCount, Instant storedAt) {
    public InsiderSegment {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(attribute, "attribute");
        values = List.copyOf(values);
        Objects.requireNonNull(storedAt, "storedAt");
    }

    /** The segment as its download serves it: one value per line, LF after each, no header. */
    public String csv() {
        StringBuilder csv = new StringBuilder();
        values.forEach(value -> csv.append(value).append('\n'));
        return csv.toString();
    }

    @Override
    public String toString() {
        return "InsiderSegment[partner=" + partner + ", name=" + name + ", attribute=" + attribute.wireName() + ", "
                + values.size() + " values, validCount=" + validCount + ", invalidCount=" + invalidCount
                + ", storedAt=" + storedAt + "]";
    }
}
