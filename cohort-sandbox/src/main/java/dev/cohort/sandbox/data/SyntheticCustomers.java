package dev.cohort.sandbox.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a synthetic customer 360 as CSV files: {@value #CUSTOMERS_FILE} (one row per customer, columns
 * {@link #CUSTOMER_COLUMNS}) and {@value #ORDERS_FILE} (about three orders per customer, columns
 * {@link #ORDER_COLUMNS}).
 *
 * <pre>{@code
 * GeneratedData data = SyntheticCustomers.builder().customers(100_000).seed(42).build().writeTo(dir);
 * }</pre>
 *
 * <p>The data looks like a real retailer's export, including what a normaliser must cope with: e-mail
 * addresses in mixed case and with surrounding spaces, phone numbers in national and international
 * formats, about one e-mail address and one phone number in a hundred invalid, some of them missing.
 * Every address and number is fictional.
 *
 * <p><b>Deterministic:</b> the same settings give byte-identical files on any JVM, and customer
 * {@code n} is the same whatever the number of customers (the customer ID only widens past 9,999,999).
 * <b>Streaming:</b> memory does not depend on the number of rows. Instances are immutable and
 * thread-safe; {@link #writeTo} may run concurrently into different directories.
 */
public final class SyntheticCustomers {
    public static final String CUSTOMERS_FILE = "customers.csv";
    public static final String ORDERS_FILE = "orders.csv";
    public static final List<String> CUSTOMER_COLUMNS = CustomerRows.COLUMNS;
    public static final List<String> ORDER_COLUMNS = OrderRows.COLUMNS;

    private static final int MIN_ID_DIGITS = 7;
    private static final double MAX_AVERAGE_ORDERS = 20;

    private final long customers;
    private final long seed;
    private final double averageOrdersPerCustomer;
    private final boolean writeOrders;

    private SyntheticCustomers(Builder builder) {
        this.customers = builder.customers;
        this.seed = builder.seed;
        this.averageOrdersPerCustomer = builder.averageOrdersPerCustomer;
        this.writeOrders = builder.writeOrders;
    }

    public static Builder builder() {
        return new Builder();
    }

    public long customers() {
        return customers;
    }

    public long seed() {
        return seed;
    }

    /**
     * Writes the files into {@code directory}, creating it if needed and replacing files of the same
     * names. Files are written as they are generated; on failure, partly written files are left behind.
     *
     * @throws SyntheticDataException with {@link SyntheticDataException#WRITE_FAILED} if a file cannot be written
     */
    public GeneratedData writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            return write(directory);
        } catch (IOException | UncheckedIOException e) {
            throw new SyntheticDataException(SyntheticDataException.WRITE_FAILED,
                    "Cannot write synthetic customer data to " + directory + " (" + e.getMessage()
                            + "). Check that the directory is writable and the disk has space.", e);
        }
    }

    private GeneratedData write(Path directory) throws IOException {
        CustomerSeeds seeds = new CustomerSeeds(seed);
        CustomerRows customerRows = new CustomerRows(ReferenceData.get(), seeds);
        OrderRows orderRows = new OrderRows(seeds, averageOrdersPerCustomer);
        int idDigits = Math.max(MIN_ID_DIGITS, Text.digits(customers));
        List<GeneratedFile> files = new ArrayList<>(2);
        try (CsvFile customerFile = new CsvFile(directory.resolve(CUSTOMERS_FILE), CUSTOMER_COLUMNS);
             CsvFile orderFile = writeOrders ? new CsvFile(directory.resolve(ORDERS_FILE), ORDER_COLUMNS) : null) {
            for (long number = 1; number <= customers; number++) {
                String customerId = Text.padded('C', number, idDigits);
                CustomerProfile profile = CustomerProfile.of(seeds, number);
                customerFile.write(customerRows.next(number, customerId, profile));
                if (orderFile != null) {
                    orderRows.write(number, customerId, profile, orderFile::write);
                }
            }
            files.add(customerFile.finish());
            if (orderFile != null) {
                files.add(orderFile.finish());
            }
        }
        return new GeneratedData(directory, files);
    }

    /** Settings for {@link SyntheticCustomers}; defaults: 1,000 customers, seed 42, 3 orders per customer. */
    public static final class Builder {
        private long customers = 1_000;
        private long seed = 42;
        private double averageOrdersPerCustomer = 3;
        private boolean writeOrders = true;

        private Builder() {
        }

        /** How many customers to write (zero or more). */
        public Builder customers(long customers) {
            if (customers < 0) {
                throw invalid("customers must be zero or more, got " + customers);
            }
            this.customers = customers;
            return this;
        }

        /** The seed: the same seed and settings give the same bytes. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Average orders per customer, between 0 and 20; default 3. */
        public Builder averageOrdersPerCustomer(double average) {
            if (!(average >= 0 && average <= MAX_AVERAGE_ORDERS)) {
                throw invalid("average orders per customer must be between 0 and " + (int) MAX_AVERAGE_ORDERS
                        + ", got " + average);
            }
            this.averageOrdersPerCustomer = average;
            return this;
        }

        /** Write {@value SyntheticCustomers#CUSTOMERS_FILE} only. */
        public Builder withoutOrders() {
            this.writeOrders = false;
            return this;
        }

        public SyntheticCustomers build() {
            return new SyntheticCustomers(this);
        }

        private static SyntheticDataException invalid(String message) {
            return new SyntheticDataException(SyntheticDataException.INVALID_SETTING, message);
        }
    }
}
