package dev.cohort.sandbox.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lists synthetic customers are drawn from, read once from the resource files beside this class:
 * {@code first-names.txt}, {@code last-names.txt}, {@code streets.txt} (one entry a line) and
 * {@code places.csv} (see its header). Lines starting with {@code #} are comments. Immutable and
 * thread-safe.
 */
final class ReferenceData {
    private static final int PLACE_COLUMNS = 7;

    final List<PersonName> firstNames;
    final List<PersonName> lastNames;
    final List<String> streets;
    /** Cities by country code, weighted by population. */
    final Map<String, WeightedList<Place>> placesByCountry;

    private ReferenceData() {
        firstNames = readLines("first-names.txt").stream().map(PersonName::of).toList();
        lastNames = readLines("last-names.txt").stream().map(PersonName::of).toList();
        streets = readLines("streets.txt");
        placesByCountry = readPlaces();
    }

    static ReferenceData get() {
        return Holder.INSTANCE;
    }

    private static Map<String, WeightedList<Place>> readPlaces() {
        Map<String, List<Place>> places = new TreeMap<>();
        Map<String, List<Integer>> weights = new TreeMap<>();
        for (String line : readLines("places.csv")) {
            String[] cells = line.split(",", -1);
            if (cells.length != PLACE_COLUMNS) {
                throw new IllegalStateException("places.csv: expected " + PLACE_COLUMNS + " columns in: " + line);
            }
            Place place = new Place(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]);
            places.computeIfAbsent(place.country(), country -> new ArrayList<>()).add(place);
            weights.computeIfAbsent(place.country(), country -> new ArrayList<>()).add(Integer.parseInt(cells[6]));
        }
        Map<String, WeightedList<Place>> byCountry = new TreeMap<>();
        places.forEach((country, list) -> byCountry.put(country,
                new WeightedList<>(list, weights.get(country).stream().mapToInt(Integer::intValue).toArray())));
        return Map.copyOf(byCountry);
    }

    private static List<String> readLines(String resource) {
        InputStream in = ReferenceData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("resource missing from the cohort-sandbox jar: " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }

    private static final class Holder {
        private static final ReferenceData INSTANCE = new ReferenceData();
    }
}
