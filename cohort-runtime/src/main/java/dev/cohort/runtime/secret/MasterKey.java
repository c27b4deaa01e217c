package dev.cohort.runtime.secret;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit key that credentials are encrypted under, with a short {@link #keyId() id} that names it
 * without revealing it and a {@link #source() source} that says where it came from. Immutable and
 * thread-safe. Its text form, in {@code COHORT_MASTER_KEY} and in key files, is the base64 of 32
 * random bytes ({@code openssl rand -base64 32}). {@link #toString()} never shows the key.
 */
public final class MasterKey {
    public static final String ENVIRONMENT_VARIABLE = "COHORT_MASTER_KEY";
    static final int LENGTH_BYTES = 32;
    static final int KEY_ID_BYTES = 4;
    static final String HOW_TO_GENERATE = "Generate one with: openssl rand -base64 32";
    private static final byte[] KEY_ID_LABEL = "cohort master key id".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final byte[] keyId;
    private final String source;

    private MasterKey(byte[] key, String source) {
        this.key = key.clone();
        this.keyId = deriveKeyId(key);
        this.source = source;
    }

    /** A new random key, not yet stored anywhere. */
    public static MasterKey generate() {
        byte[] key = new byte[LENGTH_BYTES];
        RANDOM.nextBytes(key);
        return new MasterKey(key, "a newly generated key");
    }

    /** The key in {@code value}, the text of {@value #ENVIRONMENT_VARIABLE}; a bad value fails with a message that never repeats it. */
    public static MasterKey fromEnvironmentValue(String value) {
        String where = "the environment variable " + ENVIRONMENT_VARIABLE;
        return new MasterKey(decode(value, ENVIRONMENT_VARIABLE), where);
    }

    /**
     * Writes a new random key to {@code file}, created with mode 0600 from the start (never readable by
     * others, not even briefly), and its missing folders with mode 0700. Refuses to overwrite a file.
     */
    public static MasterKey createFile(Path file) {
        MasterKey key = generate();
        KeyFiles.create(file, key.encoded());
        return new MasterKey(key.key, describeFile(file));
    }

    /** Reads the key in {@code file}; refuses a file that users other than its owner can read or change. */
    public static MasterKey readFile(Path file) {
        String text = KeyFiles.read(file);
        return new MasterKey(decode(text, "The master key file " + file.toAbsolutePath()), describeFile(file));
    }

    /**
     * The key to use: {@value #ENVIRONMENT_VARIABLE} from {@code environment} when it is set (an empty
     * value is refused, not skipped), else the key in {@code keyFile}. {@link #source()} tells which was
     * used. Pass {@code System.getenv()} outside tests.
     */
    public static MasterKey resolve(Map<String, String> environment, Path keyFile) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(keyFile, "keyFile");
        String value = environment.get(ENVIRONMENT_VARIABLE);
        if (value != null) {
            return fromEnvironmentValue(value);
        }
        if (!Files.exists(keyFile)) {
            throw new SecretException(SecretException.MASTER_KEY_MISSING, "No master key: " + ENVIRONMENT_VARIABLE
                    + " is not set and there is no key file at " + keyFile.toAbsolutePath() + ". Set "
                    + ENVIRONMENT_VARIABLE + " to a new key (" + HOW_TO_GENERATE + ") or create the key file.");
        }
        return readFile(keyFile);
    }

    /**
     * A 256-bit key for one {@code purpose} (signing file links, say), derived from this key with HMAC-SHA256 so
     * that each use has its own key and none reveals the master key. Every node with the same master key derives
     * the same one.
     */
    public byte[] deriveKey(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("cohort derived key: " + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** A short, stable id of this key (8 hex digits): an HMAC of a fixed label under the key, from which the key cannot be recovered. */
    public String keyId() {
        return HexFormat.of().formatHex(keyId);
    }

    /** Where the key came from, for messages: "the environment variable COHORT_MASTER_KEY" or "the key file /path". */
    public String source() {
        return source;
    }

    /**
     * Fails with {@link SecretException#MASTER_KEY_MISMATCH} unless this key has the id that
     * {@code workspace}'s credentials were stored under: the check to make before opening any of them.
     */
    public void requireMatches(String workspace, String storedKeyId) {
        if (!keyId().equals(storedKeyId)) {
            throw SecretException.masterKeyMismatch(workspace, storedKeyId, this);
        }
    }

    /** The key as {@link #fromEnvironmentValue(String)} and {@link #readFile(Path)} read it: base64 text. */
    String encoded() {
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + keyId() + ", from " + source + "]";
    }

    SecretKeySpec secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    byte[] keyIdBytes() {
        return keyId.clone();
    }

    private static String describeFile(Path file) {
        return "the key file " + file.toAbsolutePath();
    }

    private static byte[] decode(String text, String where) {
        String expected = where + " must hold a 256-bit key as base64 (32 random bytes, 44 characters ending in '=')";
        if (text == null || text.isBlank()) {
            throw new SecretException(SecretException.MASTER_KEY_INVALID, expected + ", but it is empty. " + HOW_TO_GENERATE);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new SecretException(SecretException.MASTER_KEY_INVALID, expected + ", but it is not valid base64. "
                    + HOW_TO_GENERATE);
        }
        if (key.length != LENGTH_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new SecretException(SecretException.MASTER_KEY_INVALID, expected + ", but it decodes to "
                    + key.length + " bytes. " + HOW_TO_GENERATE);
        }
        return key;
    }

    private static byte[] deriveKeyId(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(KEY_ID_LABEL), KEY_ID_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
