package dev.cohort.runtime.workspace;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a new workspace folder: a commented {@code cohort.yaml}, example SQL and a little sample data. */
public final class WorkspaceScaffold {
    public static final ErrorCode ALREADY_A_WORKSPACE = ErrorCode.user("ALREADY_A_WORKSPACE");
    private static final String BASE = "scaffold/";
    private static final List<String> FILES = List.of(
            "cohort.yaml",
            "data/customers.csv",
            "data/orders.csv",
            "sql/tables/customer_360.sql",
            "sql/queries/loyalty_members.sql",
            "sql/queries/birthdays_next_month.sql");

    private WorkspaceScaffold() {}

    /** Creates the workspace files in {@code folder} (created if needed); returns the files written. */
    public static List<Path> create(Path folder, String workspaceName) {
        Path root = folder.toAbsolutePath().normalize();
        if (Files.exists(root.resolve(WorkspaceReader.FILE_NAME))) {
            throw new CohortException(ALREADY_A_WORKSPACE, root + " already holds a workspace ("
                    + WorkspaceReader.FILE_NAME + "); choose another folder or edit that one");
        }
        try {
            Files.createDirectories(root);
            for (String name : FILES) {
                Path target = root.resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = WorkspaceScaffold.class.getResourceAsStream(BASE + name)) {
                    if (in == null) {
                        throw new IllegalStateException("scaffold resource missing: " + name);
                    }
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    Files.writeString(target, text.replace("__NAME__", workspaceName), StandardCharsets.UTF_8);
                }
            }
            Path gitignore = root.resolve(".gitignore");
            if (!Files.exists(gitignore)) {
                Files.writeString(gitignore, "# Cohort's state: database, metadata and master key\n"
                        + WorkspaceHome.STATE_DIR + "/\n");
            }
        } catch (IOException e) {
            throw new CohortException(ErrorCode.user("WRITE_FAILED"), "cannot write the workspace in " + root + ": " + e.getMessage(), e);
        }
        return FILES.stream().map(root::resolve).toList();
    }
}
