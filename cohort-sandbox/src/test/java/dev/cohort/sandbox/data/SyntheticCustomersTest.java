package dev.cohort.sandbox.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCustomersTest {
    @TempDir
    Path temp;

    @Test
    void sameSeedWritesIdenticalBytes() throws IOException {
        GeneratedData first = write(2_000, 7, "first");
        GeneratedData second = write(2_000, 7, "second");

        for (String name : List.of(SyntheticCustomers.CUSTOMERS_FILE, SyntheticCustomers.ORDERS_FILE)) {
            assertThat(Files.mismatch(first.file(name).orElseThrow().path(), second.file(name).orElseThrow().path()))
                    .as(name).isEqualTo(-1L);
        }
    }

    @Test
    void differentSeedWritesDifferentCustomers() throws IOException {
        GeneratedData seven = write(2_000, 7, "seven");
        GeneratedData eight = write(2_000, 8, "eight");

        List<String> sevenLines = Files.readAllLines(seven.customers().path());
        List<String> eightLines = Files.readAllLines(eight.customers().path());
        assertThat(sevenLines.get(0)).isEqualTo(eightLines.get(0));
        assertThat(sevenLines.subList(1, sevenLines.size())).doesNotContainAnyElementsOf(eightLines.subList(1, 100));
    }

    @Test
    void aCustomerIsTheSameWhateverTheNumberOfCustomers() throws IOException {
        GeneratedData small = write(100, 42, "small");
        GeneratedData large = write(1_000, 42, "large");

        List<String> smallLines = Files.readAllLines(small.customers().path());
        assertThat(Files.readAllLines(large.customers().path()).subList(0, smallLines.size()))
                .isEqualTo(smallLines);
    }

    @Test
    void writesHeadersAndReportsRowsAndBytes() throws IOException {
        GeneratedData data = write(5_000, 42, "counts");

        GeneratedFile customers = data.customers();
        GeneratedFile orders = data.file(SyntheticCustomers.ORDERS_FILE).orElseThrow();
        assertThat(data.files()).extracting(GeneratedFile::name)
                .containsExactly(SyntheticCustomers.CUSTOMERS_FILE, SyntheticCustomers.ORDERS_FILE);
        assertThat(GeneratedCsv.header(customers.path())).isEqualTo(SyntheticCustomers.CUSTOMER_COLUMNS);
        assertThat(GeneratedCsv.header(orders.path())).isEqualTo(SyntheticCustomers.ORDER_COLUMNS);
        assertThat(customers.rows()).isEqualTo(5_000);
        assertThat(GeneratedCsv.read(customers.path())).hasSize(5_000);
        assertThat(GeneratedCsv.read(orders.path())).hasSize((int) orders.rows());
        assertThat((double) orders.rows() / customers.rows()).isCloseTo(3.0, within(0.25));
        assertThat(customers.bytes()).isEqualTo(Files.size(customers.path()));
        assertThat(data.totalBytes()).isEqualTo(customers.bytes() + orders.bytes());
        assertThat(data.totalRows()).isEqualTo(customers.rows() + orders.rows());
    }

    @Test
    void endsLinesWithLineFeedOnly() throws IOException {
        GeneratedData data = write(500, 42, "lf");

        for (GeneratedFile file : data.files()) {
            byte[] bytes = Files.readAllBytes(file.path());
            assertThat(bytes).as(file.name()).doesNotContain((byte) '\r');
            assertThat(bytes[bytes.length - 1]).as(file.name()).isEqualTo((byte) '\n');
        }
    }

    @Test
    void numbersCustomersFromOneWithAtLeastSevenDigits() {
        GeneratedData data = write(12, 42, "ids");

        List<NamedCsvRecord> customers = GeneratedCsv.read(data.customers().path());
        assertThat(customers.get(0).getField("customer_id")).isEqualTo("C0000001");
        assertThat(customers.get(11).getField("customer_id")).isEqualTo("C0000012");
    }

    @Test
    void writesOnlyCustomersWhenOrdersAreNotWanted() {
        GeneratedData data = SyntheticCustomers.builder().customers(10).withoutOrders().build()
                .writeTo(temp.resolve("no-orders"));

        assertThat(data.files()).extracting(GeneratedFile::name).containsExactly(SyntheticCustomers.CUSTOMERS_FILE);
        assertThat(temp.resolve("no-orders").resolve(SyntheticCustomers.ORDERS_FILE)).doesNotExist();
    }

    @Test
    void writesHeadersOnlyForZeroCustomers() {
        GeneratedData data = write(0, 42, "empty");

        assertThat(data.totalRows()).isZero();
        assertThat(GeneratedCsv.header(data.customers().path())).isEqualTo(SyntheticCustomers.CUSTOMER_COLUMNS);
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThatThrownBy(() -> SyntheticCustomers.builder().customers(-1))
                .isInstanceOf(SyntheticDataException.class)
                .hasMessage("customers must be zero or more, got -1")
                .extracting(e -> ((SyntheticDataException) e).errorCode())
                .isEqualTo(SyntheticDataException.INVALID_SETTING);
        assertThatThrownBy(() -> SyntheticCustomers.builder().averageOrdersPerCustomer(Double.NaN))
                .isInstanceOf(SyntheticDataException.class)
                .hasMessage("average orders per customer must be between 0 and 20, got NaN");
    }

    @Test
    void namesTheDirectoryItCannotWrite() throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("taken"), "a file");
        SyntheticCustomers generator = SyntheticCustomers.builder().customers(1).build();

        assertThatThrownBy(() -> generator.writeTo(notADirectory))
                .isInstanceOf(SyntheticDataException.class)
                .hasMessageStartingWith("Cannot write synthetic customer data to " + notADirectory)
                .hasMessageEndingWith("Check that the directory is writable and the disk has space.")
                .extracting(e -> ((SyntheticDataException) e).errorCode())
                .isEqualTo(SyntheticDataException.WRITE_FAILED);
    }

    private GeneratedData write(long customers, long seed, String directory) {
        return SyntheticCustomers.builder().customers(customers).seed(seed).build().writeTo(temp.resolve(directory));
    }
}
