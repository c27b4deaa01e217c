/** The {@code cohort} command line: thin commands that parse arguments, call the runtime and print. */
package dev.cohort.cli;
