package dev.cohort.sandbox.data;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Reads a generated file back with FastCSV, which fails on a row with the wrong number of fields. */
final class GeneratedCsv {
    private GeneratedCsv() {
    }

    static List<NamedCsvRecord> read(Path file) {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
            return reader.stream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> header(Path file) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            return reader.stream().findFirst().orElseThrow().getFields();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
