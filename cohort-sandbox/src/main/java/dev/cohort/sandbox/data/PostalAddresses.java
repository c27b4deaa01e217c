package dev.cohort.sandbox.data;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Street addresses and postal codes in each country's own shape, with the blemishes real files have:
 * ZIP+4 codes, ZIP codes that lost their leading zero in a spreadsheet, Canadian codes without their
 * space or in lower case, second address lines that contain a comma.
 *
 * <p>Not thread-safe: it reuses one buffer. Use one instance per writing thread.
 */
final class PostalAddresses {
    /** Per mille of customers with a second address line. */
    static final int SECOND_LINE_PER_MILLE = 120;

    private static final WeightedList<String> NORTH_AMERICAN_SUFFIXES = new WeightedList<>(
            List.of("St", "Ave", "Rd", "Dr", "Ln", "Blvd", "Ct", "Way", "Pl", "Street", "Avenue", "Road"),
            new int[] {22, 15, 10, 10, 6, 5, 5, 5, 4, 8, 6, 4});
    private static final WeightedList<String> BRITISH_SUFFIXES = new WeightedList<>(
            List.of("Road", "Street", "Lane", "Avenue", "Close", "Drive", "Gardens", "Crescent", "Way", "Place"),
            new int[] {25, 20, 12, 10, 8, 8, 5, 5, 5, 2});
    private static final String BRITISH_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    private static final String CANADIAN_LETTERS = "ABCEGHJKLMNPRSTVWXYZ";
    private static final String BUILDINGS = "ABCDEFGH";

    private final List<String> streets;
    private final StringBuilder buffer = new StringBuilder(48);

    PostalAddresses(List<String> streets) {
        this.streets = List.copyOf(streets);
    }

    String firstLine(SplittableRandom random, Place place) {
        buffer.setLength(0);
        boolean british = place.country().equals("GB");
        if (!british && random.nextInt(100) == 0) {
            return buffer.append("PO Box ").append(1 + random.nextInt(9999)).toString();
        }
        int number = british ? 1 + random.nextInt(250)
                : random.nextBoolean() ? 1 + random.nextInt(999) : 1 + random.nextInt(19999);
        WeightedList<String> suffixes = british ? BRITISH_SUFFIXES : NORTH_AMERICAN_SUFFIXES;
        return buffer.append(number).append(' ').append(streets.get(random.nextInt(streets.size())))
                .append(' ').append(suffixes.pick(random)).toString();
    }

    /** The second address line, mostly empty. */
    String secondLine(SplittableRandom random, Place place) {
        if (random.nextInt(1000) >= SECOND_LINE_PER_MILLE) {
            return "";
        }
        buffer.setLength(0);
        int number = 1 + random.nextInt(40);
        if (place.country().equals("GB")) {
            buffer.append("Flat ").append(number);
            if (random.nextInt(4) == 0) {
                buffer.append(", ").append(streets.get(random.nextInt(streets.size()))).append(" Court");
            }
            return buffer.toString();
        }
        switch (random.nextInt(6)) {
            case 0, 1 -> buffer.append("Apt ").append(number).append(BUILDINGS.charAt(random.nextInt(4)));
            case 2 -> buffer.append("Unit ").append(number * 100 + random.nextInt(20));
            case 3 -> buffer.append("Suite ").append(number * 100);
            case 4 -> buffer.append('#').append(number);
            default -> buffer.append("Apt ").append(number).append(", Bldg ")
                    .append(BUILDINGS.charAt(random.nextInt(BUILDINGS.length())));
        }
        return buffer.toString();
    }

    String postalCode(SplittableRandom random, Place place) {
        buffer.setLength(0);
        return switch (place.country()) {
            case "GB" -> britishPostcode(random, place);
            case "CA" -> canadianPostalCode(random, place);
            default -> zipCode(random, place);
        };
    }

    private String zipCode(SplittableRandom random, Place place) {
        buffer.append(place.postalPrefix());
        Text.appendPadded(buffer, random.nextInt(100), 2);
        if (random.nextInt(100) < 6) {
            buffer.append('-');
            Text.appendPadded(buffer, random.nextInt(10_000), 4);
        }
        if (buffer.charAt(0) == '0' && random.nextInt(10) == 0) {
            buffer.deleteCharAt(0);
        }
        return buffer.toString();
    }

    private String britishPostcode(SplittableRandom random, Place place) {
        return buffer.append(place.postalPrefix()).append(1 + random.nextInt(20)).append(' ')
                .append(random.nextInt(10))
                .append(BRITISH_INWARD_LETTERS.charAt(random.nextInt(BRITISH_INWARD_LETTERS.length())))
                .append(BRITISH_INWARD_LETTERS.charAt(random.nextInt(BRITISH_INWARD_LETTERS.length())))
                .toString();
    }

    private String canadianPostalCode(SplittableRandom random, Place place) {
        buffer.append(place.postalPrefix()).append(random.nextInt(10)).append(canadianLetter(random));
        if (random.nextInt(100) >= 8) {
            buffer.append(' ');
        }
        buffer.append(random.nextInt(10)).append(canadianLetter(random)).append(random.nextInt(10));
        String code = buffer.toString();
        return random.nextInt(100) < 3 ? code.toLowerCase(Locale.ROOT) : code;
    }

    private static char canadianLetter(SplittableRandom random) {
        return CANADIAN_LETTERS.charAt(random.nextInt(CANADIAN_LETTERS.length()));
    }
}
