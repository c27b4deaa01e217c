package dev.cohort.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the server benchmark starts {@code cohort server} as a separate process: this JVM's {@code java},
 * {@code --enable-native-access=ALL-UNNAMED -Xmx256m}, and a class path holding {@code dev.cohort.cli.CohortCli}.
 * That class path is, in order: the one given ({@code --cohort-classpath}); this benchmark's own, when
 * the {@code cohort} command is on it; or the distribution {@code ./mvnw -pl cohort-cli package} writes
 * to {@code cohort-cli/target/cohort/lib/}, found next to this module or below the working directory.
 *
 * @param java        the {@code java} executable
 * @param classpath   the class path of the server processes
 * @param description where the class path came from, for the report
 */
record CohortCommand(String java, String classpath, String description) {
    static final String MAIN_CLASS = "dev.cohort.cli.CohortCli";
    static final List<String> JVM_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED", "-Xmx256m");
    private static final Path DISTRIBUTION = Path.of("cohort-cli", "target", "cohort", "lib");
    private static final String CLI_JAR = "cohort-cli.jar";

    static CohortCommand locate(Optional<String> given) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        if (given.isPresent()) {
            return new CohortCommand(java, given.get(), "--cohort-classpath " + given.get());
        }
        if (onOwnClasspath()) {
            return new CohortCommand(java, System.getProperty("java.class.path"), "the benchmark's own class path");
        }
        for (Path root : repositoryCandidates()) {
            Path lib = root.resolve(DISTRIBUTION).toAbsolutePath().normalize();
            if (Files.isRegularFile(lib.resolve(CLI_JAR))) {
                return new CohortCommand(java, lib + File.separator + "*", lib + File.separator + "* (" + CLI_JAR + " built "
                        + modified(lib.resolve(CLI_JAR)) + ")");
            }
        }
        throw new BenchmarkException("cannot find the cohort command (" + MAIN_CLASS + ") to start server processes with:"
                + " it is not on the benchmark's class path and there is no " + DISTRIBUTION + File.separator + CLI_JAR
                + ". Build it (./mvnw -q -pl cohort-cli -am package -DskipTests; ./cohort-bench/run server does) or pass"
                + " --cohort-classpath.");
    }

    /** {@code java <options> -cp <classpath> dev.cohort.cli.CohortCli <arguments>}. */
    List<String> commandLine(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(classpath);
        command.add(MAIN_CLASS);
        command.addAll(arguments);
        return command;
    }

    private static boolean onOwnClasspath() {
        try {
            Class.forName(MAIN_CLASS, false, CohortCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The repository holding this module (from where its classes are) and the working directory. */
    private static List<Path> repositoryCandidates() {
        List<Path> roots = new ArrayList<>();
        try {
            // target/cohort-bench.jar or target/classes, in <repository>/cohort-bench
            Path code = Path.of(CohortCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path module = code.getParent() == null ? null : code.getParent().getParent();
            if (module != null && module.getParent() != null) {
                roots.add(module.getParent());
            }
        } catch (URISyntaxException | RuntimeException e) {
            // not from a file: only the working directory is left to look in
        }
        roots.add(Path.of(""));
        return roots;
    }

    private static String modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toString();
        } catch (java.io.IOException e) {
            return "at an unknown time";
        }
    }
}
