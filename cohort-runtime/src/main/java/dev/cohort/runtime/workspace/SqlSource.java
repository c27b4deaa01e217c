package dev.cohort.runtime.workspace;

import java.util.Optional;

/**
 * Reads the SQL files a workspace refers to. The workspace reader resolves them against the workspace
 * folder; when a stored specification is decoded, the SQL is already inline and no file is read.
 */
interface SqlSource {
    /** The file's text, or empty after reporting a problem at {@code where}. */
    Optional<String> read(String relativePath, YamlNode where);

    /** For stored specifications: {@code sql} and {@code sql_file} may both be present. */
    boolean inlineWithFile();
}
