package dev.cohort.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** A process's memory as Linux reports it in {@code /proc}. Elsewhere every value is absent. */
final class ProcStatus {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final long KIB = 1024;

    private ProcStatus() {
    }

    /** Resident memory now ({@code VmRSS}), in bytes. */
    static OptionalLong residentBytes() {
        return field(STATUS, "VmRSS:");
    }

    /** Peak resident memory since start or since {@link #resetPeakResident()} ({@code VmHWM}), in bytes. */
    static OptionalLong peakResidentBytes() {
        return field(STATUS, "VmHWM:");
    }

    /** Peak resident memory of process {@code pid} ({@code VmHWM}), in bytes; empty once it has ended. */
    static OptionalLong peakResidentBytes(long pid) {
        return field(Path.of("/proc", Long.toString(pid), "status"), "VmHWM:");
    }

    /** Resets {@code VmHWM} to the current resident size; false if the kernel does not allow it. */
    static boolean resetPeakResident() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static OptionalLong field(Path status, String name) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith(name)) {
                    String kilobytes = line.substring(name.length()).replace("kB", "").strip();
                    return OptionalLong.of(Long.parseLong(kilobytes) * KIB);
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
