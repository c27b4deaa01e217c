package dev.cohort.runtime.template;

import dev.cohort.model.Transform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The test vectors of {@code docs/normalisation.md}, read from its Markdown table so that the page and
 * the code cannot drift apart. The notation is described on the page itself.
 */
final class NormalisationVectors {
    static final String DOCUMENT = "docs/normalisation.md";
    private static final String HEADING = "## Test vectors";
    private static final String REJECTED = "rejected: ";

    /**
     * One row of the table.
     *
     * @param output    the expected output when accepted (null for NULL)
     * @param rejection the expected reason when rejected, else null
     */
    record Vector(int number, String transformsText, List<Transform> transforms, String input, String output,
                  String rejection) {
        boolean rejected() {
            return rejection != null;
        }

        @Override
        public String toString() {
            return "#" + number + " " + transformsText;
        }
    }

    private NormalisationVectors() {}

    static List<Vector> load() {
        Path document = locate();
        try {
            return parse(Files.readAllLines(document));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + document, e);
        }
    }

    static List<Vector> parse(List<String> lines) {
        int heading = lines.indexOf(HEADING);
        if (heading < 0) {
            throw new IllegalArgumentException(DOCUMENT + " has no '" + HEADING + "' section");
        }
        List<Vector> vectors = new ArrayList<>();
        for (String line : lines.subList(heading, lines.size())) {
            if (line.startsWith("| ") && Character.isDigit(line.charAt(2))) {
                vectors.add(row(line));
            }
        }
        return vectors;
    }

    private static Vector row(String line) {
        String[] cells = line.split("\\|", -1);
        if (cells.length != 7) {
            throw new IllegalArgumentException("a vector row has 5 cells (#, transforms, input, output, why): " + line);
        }
        String transforms = code(cells[2].strip());
        String output = cells[4].strip();
        boolean rejected = output.startsWith(REJECTED);
        return new Vector(Integer.parseInt(cells[1].strip()), transforms, transforms(transforms),
                value(code(cells[3].strip())), rejected ? null : value(code(output)),
                rejected ? output.substring(REJECTED.length()) : null);
    }

    /** {@code trim, phone(region=US), uuid(from=name, namespace=…)}. */
    static List<Transform> transforms(String text) {
        List<Transform> chain = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                chain.add(transform(text.substring(start, i).strip()));
                start = i + 1;
            }
        }
        return chain;
    }

    private static Transform transform(String text) {
        int open = text.indexOf('(');
        String keyword = open < 0 ? text : text.substring(0, open);
        String options = open < 0 ? "" : text.substring(open + 1, text.length() - 1);
        return switch (keyword) {
            case "trim" -> new Transform.Trim();
            case "lower" -> new Transform.LowerCase();
            case "upper" -> new Transform.UpperCase();
            case "email" -> new Transform.Email();
            case "sha256" -> new Transform.Sha256();
            case "phone" -> new Transform.Phone(option(options, "region"));
            case "uuid" -> new Transform.Uuid(
                    "value".equals(option(options, "from")) ? Transform.UuidMode.PARSE : Transform.UuidMode.NAME_BASED,
                    option(options, "namespace") == null ? null : UUID.fromString(option(options, "namespace")));
            default -> throw new IllegalArgumentException("unknown transform in a vector: " + text);
        };
    }

    private static String option(String options, String name) {
        for (String option : options.split(",")) {
            String[] pair = option.strip().split("=", 2);
            if (pair[0].equals(name)) {
                return pair[1];
            }
        }
        return null;
    }

    private static String code(String cell) {
        if (cell.length() < 2 || cell.charAt(0) != '`' || cell.charAt(cell.length() - 1) != '`') {
            throw new IllegalArgumentException("expected `code`: " + cell);
        }
        return cell.substring(1, cell.length() - 1);
    }

    /** {@code NULL}, or a double-quoted value with {@code \\uXXXX \\t \\n \\r \\" \\\\} escapes. */
    static String value(String text) {
        if (text.equals("NULL")) {
            return null;
        }
        if (text.length() < 2 || text.charAt(0) != '"' || text.charAt(text.length() - 1) != '"') {
            throw new IllegalArgumentException("expected NULL or a double-quoted value: " + text);
        }
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = text.charAt(++i);
            switch (escaped) {
                case 'u' -> {
                    value.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 't' -> value.append('\t');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case '"', '\\' -> value.append(escaped);
                default -> throw new IllegalArgumentException("unknown escape \\" + escaped + " in " + text);
            }
        }
        return value.toString();
    }

    /** The document, looked for from the working directory upwards (the module, or the repository). */
    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DOCUMENT);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find " + DOCUMENT + " above " + Path.of("").toAbsolutePath());
    }
}
