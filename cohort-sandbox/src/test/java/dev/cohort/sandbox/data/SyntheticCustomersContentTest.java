package dev.cohort.sandbox.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the generated data looks like: the blemishes a normaliser must handle, in the promised proportions. */
class SyntheticCustomersContentTest {
    private static final int CUSTOMERS = 20_000;
    private static final Pattern VALID_EMAIL =
            Pattern.compile("[a-z0-9._%+-]+@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}");
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    private static List<NamedCsvRecord> customers;
    private static List<NamedCsvRecord> orders;

    @BeforeAll
    static void generate(@TempDir Path directory) {
        GeneratedData data = SyntheticCustomers.builder().customers(CUSTOMERS).seed(2024).build().writeTo(directory);
        customers = GeneratedCsv.read(data.customers().path());
        orders = GeneratedCsv.read(data.file(SyntheticCustomers.ORDERS_FILE).orElseThrow().path());
    }

    @Test
    void aboutOneEmailInAHundredIsInvalid() {
        List<String> emails = values("email", email -> !email.isEmpty());
        long invalid = emails.stream()
                .filter(email -> !VALID_EMAIL.matcher(email.strip().toLowerCase(Locale.ROOT)).matches())
                .count();

        assertThat((double) invalid / emails.size()).isBetween(0.006, 0.014);
        assertThat((double) emails.size() / CUSTOMERS).isCloseTo(0.98, within(0.005));
    }

    @Test
    void emailsComeInMixedCaseAndSomeWithSurroundingSpaces() {
        List<String> emails = values("email", email -> !email.isEmpty());

        assertThat(emails).filteredOn(email -> !email.equals(email.toLowerCase(Locale.ROOT)))
                .hasSizeBetween(emails.size() / 5, emails.size() / 3);
        assertThat(emails).filteredOn(email -> !email.equals(email.strip()))
                .hasSizeBetween(emails.size() / 50, emails.size() / 25);
        assertThat(emails).map(email -> email.strip().toLowerCase(Locale.ROOT))
                .filteredOn(email -> VALID_EMAIL.matcher(email).matches())
                .allMatch(email -> email.endsWith(".example.com"), "is under the reserved example.com domain");
    }

    @Test
    void phonesAreWrittenInManyFormatsAndSomeAreMissingOrBroken() {
        List<String> phones = values("phone", phone -> !phone.isEmpty());
        Set<String> shapes = new HashSet<>();
        phones.forEach(phone -> shapes.add(phone.replaceAll("[0-9]", "d")));
        long invalid = phones.stream().filter(phone -> !plausiblePhone(phone)).count();

        assertThat((double) phones.size() / CUSTOMERS).isCloseTo(0.92, within(0.01));
        assertThat(shapes).contains("(ddd) ddd-dddd", "ddd.ddd.dddd", "+d ddd ddd dddd", "ddddd dddddd",
                "+dd dd dddd dddd", "+dd (d)dddd dddddd");
        assertThat((double) invalid / phones.size()).isBetween(0.004, 0.014);
    }

    @Test
    void customersLiveMostlyInTheUsWithSomeInBritainAndCanada() {
        Map<String, Integer> countries = new HashMap<>();
        customers.forEach(customer -> countries.merge(customer.getField("country"), 1, Integer::sum));

        assertThat(countries).containsOnlyKeys("US", "GB", "CA");
        assertThat(countries.get("US")).isBetween(CUSTOMERS * 88 / 100, CUSTOMERS * 92 / 100);
        assertThat(countries.get("GB")).isGreaterThan(CUSTOMERS / 25);
        assertThat(countries.get("CA")).isGreaterThan(CUSTOMERS / 40);
    }

    @Test
    void customerFieldsHaveTheirDeclaredShapes() {
        Set<String> loyaltyIds = new HashSet<>();
        for (NamedCsvRecord customer : customers) {
            assertThat(customer.getField("loyalty_id")).matches("6\\d{11}");
            loyaltyIds.add(customer.getField("loyalty_id"));
            assertThat(customer.getField("tier")).isIn("Bronze", "Silver", "Gold", "Platinum");
            assertThat(customer.getField("email_opt_in")).isIn("true", "false");
            assertThat(Long.parseLong(customer.getField("points_balance"))).isNotNegative();
            LocalDate signup = LocalDate.parse(customer.getField("signup_date"));
            assertThat(signup).isBetween(LocalDate.of(2012, 1, 1), AS_OF);
            String birthDate = customer.getField("birth_date");
            if (!birthDate.isEmpty()) {
                assertThat(LocalDate.parse(birthDate)).isBeforeOrEqualTo(AS_OF.minusYears(18));
            }
        }
        assertThat(loyaltyIds).hasSize(CUSTOMERS);
        assertThat(values("address_line_2", line -> !line.isEmpty()))
                .hasSizeBetween(CUSTOMERS / 10, CUSTOMERS / 7)
                .anyMatch(line -> line.contains(","));
        assertThat(values("postal_code", code -> true))
                .anyMatch(code -> code.matches("\\d{5}-\\d{4}"))
                .anyMatch(code -> code.matches("[A-Z]\\d[A-Z] \\d[A-Z]\\d"))
                .anyMatch(code -> code.matches("[A-Z]{1,2}\\d{1,2} \\d[A-Z]{2}"));
    }

    @Test
    void ordersBelongToKnownCustomersAndFallBetweenSignupAndTheEndOfTheData() {
        Map<String, LocalDate> signups = new HashMap<>();
        customers.forEach(customer ->
                signups.put(customer.getField("customer_id"), LocalDate.parse(customer.getField("signup_date"))));
        Set<String> orderIds = new HashSet<>();

        for (NamedCsvRecord order : orders) {
            orderIds.add(order.getField("order_id"));
            LocalDate signup = signups.get(order.getField("customer_id"));
            assertThat(signup).as("customer of %s", order.getField("order_id")).isNotNull();
            assertThat(LocalDate.parse(order.getField("order_date"))).isBetween(signup, AS_OF);
            assertThat(order.getField("amount")).matches("\\d+\\.\\d{2}");
            assertThat(Integer.parseInt(order.getField("items"))).isBetween(1, 24);
            String channel = order.getField("channel");
            assertThat(channel).isIn("store", "web", "app");
            assertThat(order.getField("store_id")).matches(channel.equals("store") ? "S\\d{4}" : "");
        }
        assertThat(orderIds).hasSize(orders.size());
    }

    /** Digits a phone number of its country could have: 10 national, 11 with the 1 or the trunk 0, 12 with 44. */
    private static boolean plausiblePhone(String phone) {
        if (!phone.matches("[0-9+()\\-. ]+")) {
            return false;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        String national = digits.startsWith("440") ? digits.substring(2) : digits;
        return !national.matches("0+") && switch (national.length()) {
            case 10 -> !national.startsWith("0") && !national.startsWith("1");
            case 11 -> national.startsWith("1") || national.startsWith("0");
            case 12 -> national.startsWith("44");
            default -> false;
        };
    }

    private static List<String> values(String column, Predicate<String> filter) {
        return customers.stream().map(customer -> customer.getField(column)).filter(filter).toList();
    }
}
