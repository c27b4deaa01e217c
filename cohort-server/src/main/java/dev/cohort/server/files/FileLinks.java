package dev.cohort.server.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Files the server lends to partners that fetch them themselves (Insider One downloads a segment file from
 * a URL it is given): each file is kept in a spool folder and reached through an unguessable URL signed with
 * HMAC-SHA256 and valid until it expires (12 hours by default). A tampered or expired link is refused; an
 * expired file is deleted by {@link #deleteExpired}. The signing key is derived from the workspace's master
 * key, so every node that shares the workspace (and the spool folder) serves every node's links.
 */
public final class FileLinks {
    /** The path the server answers under: {@code /files/{id}/{name}}. */
    public static final String PATH = "/files";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final Path spool;
    private final String publicBaseUrl;
    private final Duration validity;
    private final Clock clock;

    /**
     * @param key           at least 32 bytes, the same on every node
     * @param spool         where lent files are kept (shared by the nodes that serve the same links)
     * @param publicBaseUrl the server's address as partners reach it, e.g. {@code https://cohort.example.com}
     */
    public FileLinks(byte[] key, Path spool, String publicBaseUrl, Duration validity, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the signing key needs at least 32 bytes");
        }
        this.key = key.clone();
        this.spool = Objects.requireNonNull(spool, "spool");
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        this.validity = Objects.requireNonNull(validity, "validity");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A lent file: its link and until when it works. */
    public record Link(String id, String name, String url, Instant expiresAt, long bytes) {}

    /** Why a request for a lent file is refused. */
    public enum Refusal { MALFORMED, BAD_SIGNATURE, EXPIRED, GONE }

    /** A lent file found for a request, or why not. */
    public sealed interface Lookup {
        record Found(Path file, String name, long bytes) implements Lookup {}

        record Refused(Refusal why) implements Lookup {}
    }

    /** Copies {@code file} into the spool and returns its link; {@code name} is what the partner sees (e.g. segment.csv). */
    public Link lend(Path file, String name) {
        return lend(file, name, false);
    }

    /** As {@link #lend(Path, String)}, moving {@code file} into the spool (copying it only across file systems). */
    public Link take(Path file, String name) {
        return lend(file, name, true);
    }

    private Link lend(Path file, String name, boolean move) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a lent file's name is letters, digits, '.', '_' and '-', not '" + name + "'");
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expiresAt = clock.instant().plus(validity);
        long expires = expiresAt.getEpochSecond();
        try {
            Files.createDirectories(spool);
            Path target = spool.resolve(expires + "-" + id);
            Path temporary = spool.resolve("." + expires + "-" + id + ".part");
            if (move) {
                try {
                    Files.move(file, temporary, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
                    Files.deleteIfExists(file);
                }
            } else {
                Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            String url = publicBaseUrl + PATH + "/" + id + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "?expires=" + expires + "&signature=" + signature(id, name, expires);
            return new Link(id, name, url, Instant.ofEpochSecond(expires), Files.size(target));
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the file to lend in " + spool, e);
        }
    }

    /** The file a request names, if its link is genuine and has not expired. */
    public Lookup find(String id, String name, String expires, String signature) {
        if (id == null || name == null || expires == null || signature == null || !ID.matcher(id).matches()
                || !NAME.matcher(name).matches() || !expires.matches("\\d{1,12}")) {
            return new Lookup.Refused(Refusal.MALFORMED);
        }
        long expiresAt = Long.parseLong(expires);
        byte[] expected = signature(id, name, expiresAt).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return new Lookup.Refused(Refusal.BAD_SIGNATURE);
        }
        if (!clock.instant().isBefore(Instant.ofEpochSecond(expiresAt))) {
            return new Lookup.Refused(Refusal.EXPIRED);
        }
        Path file = spool.resolve(expiresAt + "-" + id);
        try {
            return Files.isRegularFile(file) ? new Lookup.Found(file, name, Files.size(file)) : new Lookup.Refused(Refusal.GONE);
        } catch (IOException e) {
            return new Lookup.Refused(Refusal.GONE);
        }
    }

    /** Deletes the lent files whose links have expired; returns how many. */
    public int deleteExpired() {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        long now = clock.instant().getEpochSecond();
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(spool)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                int dash = fileName.indexOf('-', fileName.startsWith(".") ? 1 : 0);
                String epoch = fileName.substring(fileName.startsWith(".") ? 1 : 0, Math.max(dash, 0));
                if (dash > 0 && epoch.matches("\\d+") && Long.parseLong(epoch) <= now && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean " + spool, e);
        }
        return deleted;
    }

    private String signature(String id, String name, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((id + "\n" + name + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
