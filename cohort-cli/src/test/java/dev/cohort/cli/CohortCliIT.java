package dev.cohort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a new user tries it: init, apply, preview, and the errors they meet on the way. */
class CohortCliIT {
    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {}

    private Result cohort(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CohortCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private String workspace() {
        return dir.resolve("acme").toString();
    }

    @Test
    void initApplyAndPreviewWorkAsTheReadmeSays() {
        Result init = cohort("init", workspace());
        assertThat(init.exitCode()).isZero();
        assertThat(init.out()).contains("Created workspace 'acme'").contains(".cohort/master.key (master key, mode 0600");

        Result apply = cohort("apply", "-f", workspace(), "--db-url", sqlite());
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("+ table customers (load data/customers.csv)")
                .contains("+ table customers … 40 rows").contains("Applied 6 change(s).");

        Result again = cohort("apply", "-f", workspace(), "--db-url", sqlite());
        assertThat(again.out()).isEqualTo("No changes: workspace 'acme' matches its files.\n");

        Result preview = cohort("query", "preview", "loyalty_members", "-w", workspace(), "--db-url", sqlite(), "--limit", "2");
        assertThat(preview.exitCode()).isZero();
        assertThat(preview.out()).startsWith("customer_id | loyalty_id | first_name")
                .endsWith("(2 rows; more not shown, use --limit)\n");

        Result shaped = cohort("query", "preview", "loyalty_members", "--template", "hashed_contacts", "-w", workspace(),
                "--db-url", sqlite(), "--limit", "40");
        assertThat(shaped.out()).startsWith("customer_id | email_sha256").contains("field phone_e164: not a valid phone number");

        Result tables = cohort("tables", "-w", workspace(), "--db-url", sqlite());
        assertThat(tables.out()).contains("customers    | loaded | 40");
    }

    @Test
    void invalidFilesExitWithThreeAndListEveryProblem() throws IOException {
        cohort("init", workspace());
        Path yaml = dir.resolve("acme/cohort.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("status: active", "status: on"));

        Result apply = cohort("apply", "-f", workspace(), "--db-url", sqlite());

        assertThat(apply.exitCode()).isEqualTo(3);
        assertThat(apply.err()).startsWith("The workspace has 2 problems; nothing was changed:\n")
                .contains("cohort.yaml:39:13 (queries.loyalty_members.status): status is 'draft' or 'active', not 'on'");
    }

    @Test
    void removalsNeedConfirmationWithoutATerminal() throws IOException {
        cohort("init", workspace());
        cohort("apply", "-f", workspace(), "--db-url", sqlite());
        Path yaml = dir.resolve("acme/cohort.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("""
                  orders:
                    file: data/orders.csv     # schema inferred
                """, ""));
        Files.writeString(dir.resolve("acme/sql/tables/customer_360.sql"), "SELECT *, 0 AS order_count,"
                + " CAST(0 AS DECIMAL(14, 2)) AS lifetime_value, CAST(NULL AS DATE) AS last_order_date FROM customers");

        Result refused = cohort("apply", "-f", workspace(), "--db-url", sqlite());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.out()).contains("- table orders (drops 74 rows)");
        assertThat(refused.err()).contains("The plan removes 1 object(s). Run again with --yes to confirm");

        Result confirmed = cohort("apply", "-f", workspace(), "--db-url", sqlite(), "--yes");
        assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
        assertThat(cohort("tables", "-w", workspace(), "--db-url", sqlite()).out()).doesNotContain("orders");
    }

    @Test
    void aBadRowNamesItsLineAndExitsWithOne() throws IOException {
        cohort("init", workspace());
        cohort("apply", "-f", workspace(), "--db-url", sqlite());
        Path csv = dir.resolve("more.csv");
        Files.writeString(csv, "id,amount\n1,10\n2,ten\n3,30\n");
        cohort("load", csv.toString(), "--table", "extra", "-w", workspace(), "--db-url", sqlite());

        Files.writeString(csv, "id,amount\n1,10\n2,20\n3,30,300\n");
        Result failed = cohort("load", csv.toString(), "--table", "amounts", "-w", workspace(), "--db-url", sqlite());
        Result skipped = cohort("load", csv.toString(), "--table", "amounts", "-w", workspace(), "--db-url", sqlite(),
                "--skip-bad-rows");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).startsWith("error: ").contains("line 4").contains("--skip-bad-rows");
        assertThat(skipped.exitCode()).isZero();
        assertThat(skipped.out()).contains("Loaded 2 rows into amounts").contains("Skipped 1 bad rows:")
                .contains("more.csv: line 4: too many columns (found 3, expected 2)");
    }

    @Test
    void usageErrorsAndUnknownNamesAreClear() {
        cohort("init", workspace());
        cohort("apply", "-f", workspace(), "--db-url", sqlite());

        Result noTable = cohort("load", "x.csv", "-w", workspace());
        assertThat(noTable.exitCode()).isEqualTo(2);
        assertThat(noTable.err()).contains("Missing required option: '--table=<name>'");

        Result unknown = cohort("query", "preview", "loyalty_member", "-w", workspace(), "--db-url", sqlite());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("error: there is no query 'loyalty_member' in workspace 'acme'; did you mean"
                + " 'loyalty_members'? (queries: birthdays_next_month, loyalty_members)\n");

        Result notApplied = cohort("tables", "-w", dir.toString());
        assertThat(notApplied.err()).contains("there is no workspace here");
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        for (String command : new String[] {"init", "apply", "export", "load", "tables", "demo"}) {
            Result help = cohort(command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).as(command).contains("Example").contains("cohort " + command);
        }
        for (String sub : new String[] {"preview", "list"}) {
            assertThat(cohort("query", sub, "--help").out()).contains("Example").contains("cohort query " + sub);
        }
    }

    @Test
    void runsShowProgressASummaryAndTheirRecord() throws IOException {
        cohort("init", workspace());
        Path yaml = dir.resolve("acme/cohort.yaml");
        Files.writeString(yaml, Files.readString(yaml) + """
                destinations:
                  outbox: {type: test-open, settings: {folder: "%s"}}
                orchestrations:
                  contacts: {query: loyalty_members, destination: outbox, data_template: hashed_contacts}
                """.formatted(dir.resolve("outbox")));
        assertThat(cohort("apply", "-f", workspace(), "--db-url", sqlite()).exitCode()).isZero();

        Result run = cohort("run", "contacts", "-w", workspace(), "--db-url", sqlite());
        Result test = cohort("run", "contacts", "--test", "3", "-w", workspace(), "--db-url", sqlite());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Run 1 of contacts started.\n")
                .containsPattern("Run 1 completed with warnings in [0-9.]+ s: 40 rows read, \\d+ sent, \\d+ rejected\\.")
                .containsPattern("file loyalty_members.csv +\\d+ rows +[0-9.]+ MB +sha256 [0-9a-f]{64}")
                .contains("rejected rows (the first 5 of").contains("field phone_e164: not a valid phone number");
        assertThat(test.out()).startsWith("Run 2 of contacts started (test: the first 3 rows).\n");

        Result runs = cohort("runs", "-w", workspace(), "--db-url", sqlite());
        assertThat(runs.out()).contains("run | orchestration   | status").contains("2   | contacts (test) | Completed")
                .contains("1   | contacts        | Completed with warnings");
        Result show = cohort("run", "show", "1", "-w", workspace(), "--db-url", sqlite());
        assertThat(show.out()).contains("status     Completed with warnings").contains("rejected rows");

        Result unknown = cohort("run", "contact", "-w", workspace(), "--db-url", sqlite());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("there is no orchestration 'contact'; did you mean 'contacts'?");
    }

    private String sqlite() {
        return "jdbc:sqlite:" + dir.resolve("acme/.cohort/metadata.db");
    }

    @Test
    void tokensAndUsersAreManagedFromTheCommandLineAndNeverShownAgain() {
        assertThat(cohort("init", workspace()).exitCode()).isZero();
        assertThat(cohort("apply", "-f", workspace(), "--db-url", sqlite()).exitCode()).isZero();

        Result created = cohort("token", "create", "--name", "ci", "--role", "Operator", "-w", workspace(), "--db-url", sqlite());
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).matches("cohort_[A-Za-z0-9_-]{43}\n");
        assertThat(created.err()).contains("shown only now");
        Result listed = cohort("token", "list", "-w", workspace(), "--db-url", sqlite());
        assertThat(listed.out()).contains("ci").contains("operator").contains("never").doesNotContain(created.out().strip());

        Result badRole = cohort("token", "create", "--name", "x", "--role", "boss", "-w", workspace(), "--db-url", sqlite());
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("--role must be one of user, operator, administrator");

        assertThat(cohort("token", "revoke", "ci", "-w", workspace(), "--db-url", sqlite()).out()).contains("revoked");
        assertThat(cohort("token", "list", "-w", workspace(), "--db-url", sqlite()).out()).contains("revoked");

        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("short\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Result weak = cohort("user", "create", "--name", "ann", "--role", "user", "--password-stdin", "-w", workspace(),
                    "--db-url", sqlite());
            assertThat(weak.exitCode()).isNotZero();
            assertThat(weak.err()).contains("at least 12 characters");
            System.setIn(new java.io.ByteArrayInputStream("correct horse battery\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Result user = cohort("user", "create", "--name", "ann", "--role", "user", "--password-stdin", "-w", workspace(),
                    "--db-url", sqlite());
            assertThat(user.exitCode()).as(user.err()).isZero();
        } finally {
            System.setIn(stdin);
        }
        assertThat(cohort("user", "list", "-w", workspace(), "--db-url", sqlite()).out()).contains("ann").contains("user")
                .doesNotContain("argon2");
    }
}
