package dev.cohort.bench;

import dev.cohort.model.ColumnDefinition;
import dev.cohort.sandbox.data.SyntheticCustomers;
import java.util.List;

/** The declared schema of {@code customers.csv}, as a workspace would declare the table. */
final class CustomerTable {
    static final String NAME = "customers";

    static final List<ColumnDefinition> COLUMNS = List.of(
            new ColumnDefinition("customer_id", "VARCHAR", false),
            new ColumnDefinition("loyalty_id", "VARCHAR", true),
            new ColumnDefinition("first_name", "VARCHAR", true),
            new ColumnDefinition("last_name", "VARCHAR", true),
            new ColumnDefinition("email", "VARCHAR", true),
            new ColumnDefinition("phone", "VARCHAR", true),
            new ColumnDefinition("address_line_1", "VARCHAR", true),
            new ColumnDefinition("address_line_2", "VARCHAR", true),
            new ColumnDefinition("city", "VARCHAR", false),
            new ColumnDefinition("state", "VARCHAR", false),
            new ColumnDefinition("postal_code", "VARCHAR", true),
            new ColumnDefinition("country", "VARCHAR", false),
            new ColumnDefinition("birth_date", "DATE", true),
            new ColumnDefinition("signup_date", "DATE", false),
            new ColumnDefinition("points_balance", "BIGINT", false),
            new ColumnDefinition("tier", "VARCHAR", false),
            new ColumnDefinition("email_opt_in", "BOOLEAN", false));

    static {
        List<String> names = COLUMNS.stream().map(ColumnDefinition::name).toList();
        if (!names.equals(SyntheticCustomers.CUSTOMER_COLUMNS)) {
            throw new IllegalStateException("CustomerTable is out of date with customers.csv: " + names);
        }
    }

    private CustomerTable() {
    }
}
