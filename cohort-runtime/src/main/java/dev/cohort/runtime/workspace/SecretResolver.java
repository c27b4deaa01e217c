package dev.cohort.runtime.workspace;

import dev.cohort.model.CredentialDefinition;
import dev.cohort.model.Location;
import dev.cohort.model.Problems;
import dev.cohort.model.SecretRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads the values a credential refers to: environment variables and files. */
public final class SecretResolver {
    private final Function<String, String> environment;
    private final Path root;
    private final Function<String, Map<String, String>> storedValues;

    /**
     * @param environment looks up an environment variable ({@code System::getenv} in production)
     * @param root        the workspace folder, against which relative file paths resolve
     */
    public SecretResolver(Function<String, String> environment, Path root) {
        this(environment, root, name -> Map.of());
    }

    /**
     * @param storedValues a credential's values as now sealed in the store (for {@code ${stored}}), or an empty map
     */
    public SecretResolver(Function<String, String> environment, Path root, Function<String, Map<String, String>> storedValues) {
        this.environment = environment;
        this.root = root;
        this.storedValues = storedValues;
    }

    /** The credential's values, or empty after adding a problem for each value that cannot be read. */
    public Optional<Map<String, String>> resolve(CredentialDefinition credential, Location where, Problems problems) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean complete = true;
        for (var entry : credential.values().entrySet()) {
            Location at = where.withKey("credentials." + credential.name() + ".values." + entry.getKey());
            Optional<String> value = switch (entry.getValue()) {
                case SecretRef.Env env -> env(env, credential, entry.getKey(), at, problems);
                case SecretRef.File file -> file(file, credential, entry.getKey(), at, problems);
                case SecretRef.Stored stored -> stored(credential, entry.getKey(), at, problems);
            };
            if (value.isPresent()) {
                values.put(entry.getKey(), value.get());
            } else {
                complete = false;
            }
        }
        return complete ? Optional.of(values) : Optional.empty();
    }

    private Optional<String> stored(CredentialDefinition credential, String key, Location at, Problems problems) {
        String value = storedValues.apply(credential.name()).get(key);
        if (value == null || value.isEmpty()) {
            problems.add(at, "MISSING_SECRET", "value '" + key + "' of credential '" + credential.name() + "' is ${stored}"
                    + " (given through the API), but this store has no such value: give it as ${env:…} or ${file:…},"
                    + " or set it again with PUT /api/v1/credentials/" + credential.name());
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<String> env(SecretRef.Env env, CredentialDefinition credential, String key, Location at,
                                 Problems problems) {
        String value = environment.apply(env.variable());
        if (value == null || value.isEmpty()) {
            problems.add(at, "MISSING_SECRET", "environment variable " + env.variable() + " is not set (value '" + key
                    + "' of credential '" + credential.name() + "'): set it before applying, e.g. export "
                    + env.variable() + "=…");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<String> file(SecretRef.File file, CredentialDefinition credential, String key, Location at,
                                  Problems problems) {
        Path path = root.resolve(file.path()).normalize();
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            String value = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            if (value.isEmpty()) {
                problems.add(at, "MISSING_SECRET", "secret file " + path + " is empty (value '" + key
                        + "' of credential '" + credential.name() + "')");
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (NoSuchFileException e) {
            problems.add(at, "MISSING_SECRET", "there is no secret file " + path + " (value '" + key
                    + "' of credential '" + credential.name() + "')");
        } catch (IOException e) {
            problems.add(at, "MISSING_SECRET", "cannot read secret file " + path + ": " + e.getClass().getSimpleName()
                    + " (value '" + key + "' of credential '" + credential.name() + "')");
        }
        return Optional.empty();
    }
}
