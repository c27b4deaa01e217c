package dev.cohort.runtime.workspace;

import dev.cohort.model.WorkspaceDefinition;
import java.nio.file.Path;

/**
 * A workspace read from its folder.
 *
 * @param root       the workspace folder: relative paths in it (data files, SQL files) resolve here
 * @param definition what the files describe
 * @param sources    where each object was declared
 */
public record LoadedWorkspace(Path root, WorkspaceDefinition definition, SourceMap sources) {}
