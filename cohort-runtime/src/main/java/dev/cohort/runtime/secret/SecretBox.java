package dev.cohort.runtime.secret;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens secret bytes under a {@link MasterKey} with AES-256-GCM. Thread-safe.
 *
 * <p>Sealed layout, format version 1: {@code version (1 byte) | key id (4) | nonce (12, random) |
 * ciphertext | tag (16)}. The version, the key id and the {@link SecretBinding} are authenticated
 * with the ciphertext. Because the key id travels in the clear, opening under another key is told
 * apart from tampering: the first is {@link SecretException#MASTER_KEY_MISMATCH}, the second
 * {@link SecretException#SECRET_TAMPERED}.
 */
public final class SecretBox {
    public static final byte FORMAT_VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = 1 + MasterKey.KEY_ID_BYTES;
    private static final int MINIMUM_LENGTH = HEADER_BYTES + NONCE_BYTES + TAG_BITS / 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKey key;

    public SecretBox(MasterKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** Encrypts {@code plaintext} for {@code binding}; every call uses a new random nonce. */
    public byte[] seal(byte[] plaintext, SecretBinding binding) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(binding, "binding");
        byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(FORMAT_VERSION).put(key.keyIdBytes()).array();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, header, nonce, binding, plaintext, 0, plaintext.length);
        return ByteBuffer.allocate(HEADER_BYTES + NONCE_BYTES + ciphertext.length)
                .put(header).put(nonce).put(ciphertext).array();
    }

    /**
     * Decrypts what {@link #seal} made for the same {@code binding}. Fails with
     * {@link SecretException#MASTER_KEY_MISMATCH} when another key sealed it,
     * {@link SecretException#SECRET_TAMPERED} when the bytes or the binding differ, and
     * {@link SecretException#SECRET_FORMAT_UNKNOWN} for a format this version does not know.
     */
    public byte[] open(byte[] sealed, SecretBinding binding) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(binding, "binding");
        if (sealed.length > 0 && sealed[0] != FORMAT_VERSION) {
            throw new SecretException(SecretException.SECRET_FORMAT_UNKNOWN, "The stored " + binding.describe()
                    + " is sealed in format version " + (sealed[0] & 0xff) + ", which this Cohort does not know. "
                    + "Use the Cohort version that stored it or a newer one, or re-apply the workspace.");
        }
        if (sealed.length < MINIMUM_LENGTH) {
            throw tampered(binding, "it is too short to be sealed data");
        }
        String sealedKeyId = HexFormat.of().formatHex(sealed, 1, HEADER_BYTES);
        if (!sealedKeyId.equals(key.keyId())) {
            throw SecretException.masterKeyMismatch(binding.workspace(), sealedKeyId, key);
        }
        byte[] header = Arrays.copyOf(sealed, HEADER_BYTES);
        byte[] nonce = Arrays.copyOfRange(sealed, HEADER_BYTES, HEADER_BYTES + NONCE_BYTES);
        int offset = HEADER_BYTES + NONCE_BYTES;
        return run(Cipher.DECRYPT_MODE, header, nonce, binding, sealed, offset, sealed.length - offset);
    }

    private byte[] run(int mode, byte[] header, byte[] nonce, SecretBinding binding,
                       byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(binding.encoded());
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw tampered(binding, "it was altered, or copied from another credential or workspace");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this Java runtime", e);
        }
    }

    private SecretException tampered(SecretBinding binding, String reason) {
        return new SecretException(SecretException.SECRET_TAMPERED, "The stored " + binding.describe()
                + " does not open with this master key (key id " + key.keyId() + "), which sealed it: " + reason
                + ". Re-apply the workspace to store it again.");
    }
}
