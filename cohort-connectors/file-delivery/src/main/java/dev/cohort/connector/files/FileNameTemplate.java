package dev.cohort.connector.files;

import dev.cohort.spi.Suggestions;
import dev.cohort.spi.destination.WriteContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A file name with tokens: {@code {orchestration}}, {@code {object}} (the query's or table's name),
 * {@code {run}} (the run id), {@code {now:<pattern>}} (the run's start in the configured time zone, as a
 * {@link DateTimeFormatter} pattern such as {@code yyyyMMdd_HHmmss}) and {@code {file_number}} (7 digits,
 * zero padded; {@code {file_number:3}} for another width). When a delivery is split and the template has
 * no {@code {file_number}}, {@code _<number>} is inserted before the extension; a gzip file whose name
 * does not end in {@code .gz} gets it appended. '/' and '\' in token values become '_'. Immutable.
 */
public final class FileNameTemplate implements FileNamer {
    private static final List<String> TOKENS = List.of("orchestration", "object", "run", "now:<pattern>", "file_number",
            "file_number:<width>");
    private static final int DEFAULT_WIDTH = 7;
    private final String template;
    private final List<Part> parts;
    private final boolean numbered;

    private FileNameTemplate(String template, List<Part> parts) {
        this.template = template;
        this.parts = List.copyOf(parts);
        this.numbered = parts.stream().anyMatch(FileNumber.class::isInstance);
    }

    /**
     * @throws IllegalArgumentException naming the unknown token, bad pattern or '/' — for a settings problem
     */
    public static FileNameTemplate parse(String template) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int stray = template.indexOf('}', i);
            if (stray >= 0 && (open < 0 || stray < open)) {
                throw new IllegalArgumentException("has a '}' without '{' at position " + (stray + 1));
            }
            if (open < 0) {
                parts.add(literal(template.substring(i)));
                break;
            }
            if (open > i) {
                parts.add(literal(template.substring(i, open)));
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("has a '{' without '}' at position " + (open + 1));
            }
            parts.add(token(template.substring(open + 1, close)));
            i = close + 1;
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        FileNameTemplate parsed = new FileNameTemplate(template, parts);
        parsed.checkSample();
        return parsed;
    }

    @Override
    public String fileName(FileNameRequest request) {
        String name = render(request, true);
        if (request.split() && !numbered) {
            name = FileNames.insertBeforeExtension(name, "_" + pad(request.fileNumber(), DEFAULT_WIDTH));
        }
        if (request.gzip() && !name.endsWith(".gz")) {
            name = name + ".gz";
        }
        return FileNames.requireValid(name);
    }

    /** The template rendered without file number, its base name, and {@code .DONE}: {@code audience_20240131.DONE}. */
    @Override
    public String doneMarkerName(List<String> fileNames, FileNameRequest request) {
        String base = FileNames.baseName(render(request, false));
        int end = base.length();
        while (end > 1 && "_-.".indexOf(base.charAt(end - 1)) >= 0) {
            end--;
        }
        return FileNames.requireValid(base.substring(0, end) + ".DONE");
    }

    @Override
    public String toString() {
        return template;
    }

    private String render(FileNameRequest request, boolean withNumber) {
        StringBuilder name = new StringBuilder();
        for (Part part : parts) {
            if (withNumber || !(part instanceof FileNumber)) {
                name.append(part.render(request));
            }
        }
        return name.toString();
    }

    /** Renders a sample, so that a pattern that cannot format or that yields '/' is a settings problem. */
    private void checkSample() {
        WriteContext sample = new WriteContext("run", "orchestration", "object", Instant.parse("2024-01-31T23:59:59.123Z"), ZoneOffset.UTC,
                false, List.of());
        FileNameRequest request = FileNameRequest.of(sample, ZoneOffset.UTC, 1, false, false, List::of);
        for (Part part : parts) {
            if (part instanceof Now now) {
                String text;
                try {
                    text = now.render(request);
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("{now:" + now.pattern() + "} cannot be formatted: " + e.getMessage());
                }
                if (text.indexOf('/') >= 0) {
                    throw new IllegalArgumentException("{now:" + now.pattern() + "} puts '/' into the file name; use - or _ instead");
                }
            }
        }
    }

    private static Part literal(String text) {
        if (text.indexOf('/') >= 0) {
            throw new IllegalArgumentException("contains '/': a file name cannot name a folder (put folders in remote_folder)");
        }
        return new Literal(text);
    }

    private static Part token(String token) {
        String name = token.strip();
        String argument = null;
        int colon = name.indexOf(':');
        if (colon >= 0) {
            argument = name.substring(colon + 1);
            name = name.substring(0, colon).strip();
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "orchestration" -> noArgument(token, argument, new ContextValue(WriteContext::orchestration));
            case "object" -> noArgument(token, argument, new ContextValue(WriteContext::objectName));
            case "run" -> noArgument(token, argument, new ContextValue(WriteContext::runId));
            case "now" -> now(argument);
            case "file_number" -> new FileNumber(width(argument));
            default -> throw new IllegalArgumentException("has an unknown token {" + token + "}" + Suggestions.didYouMean(name, TOKENS.stream()
                    .map(t -> t.replaceAll(":.*", "")).distinct().toList()) + " (tokens: {" + String.join("}, {", TOKENS) + "})");
        };
    }

    private static Part noArgument(String token, String argument, Part part) {
        if (argument != null) {
            throw new IllegalArgumentException("{" + token + "} takes no ':'");
        }
        return part;
    }

    private static Part now(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("{now} needs a date pattern, such as {now:yyyyMMdd} or {now:yyyyMMdd_HHmmss}");
        }
        try {
            return new Now(pattern, DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("{now:" + pattern + "} is not a valid date pattern (" + e.getMessage()
                    + "); use letters such as yyyy MM dd HH mm ss");
        }
    }

    private static int width(String argument) {
        if (argument == null) {
            return DEFAULT_WIDTH;
        }
        try {
            int width = Integer.parseInt(argument.strip());
            if (width >= 1 && width <= 18) {
                return width;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("{file_number:" + argument + "} needs a width from 1 to 18, such as {file_number:3}");
    }

    private static String pad(int number, int width) {
        String digits = Integer.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private sealed interface Part permits Literal, ContextValue, Now, FileNumber {
        String render(FileNameRequest request);
    }

    private record Literal(String text) implements Part {
        @Override
        public String render(FileNameRequest request) {
            return text;
        }
    }

    private record ContextValue(java.util.function.Function<WriteContext, String> value) implements Part {
        @Override
        public String render(FileNameRequest request) {
            return FileNames.sanitize(value.apply(request.context()));
        }
    }

    private record Now(String pattern, DateTimeFormatter formatter) implements Part {
        @Override
        public String render(FileNameRequest request) {
            return formatter.format(request.now());
        }
    }

    private record FileNumber(int width) implements Part {
        @Override
        public String render(FileNameRequest request) {
            return pad(request.fileNumber(), width);
        }
    }
}
