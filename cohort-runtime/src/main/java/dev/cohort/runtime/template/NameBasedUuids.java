package dev.cohort.runtime.template;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * The {@code uuid} rule with {@code from: name}: an RFC 9562 version 5 UUID, the SHA-1 of the
 * namespace's 16 bytes followed by the value's UTF-8 bytes, written in canonical lower-case form. The
 * same as Python's {@code uuid.uuid5(namespace, value)}. Not thread-safe: it keeps one digest.
 */
final class NameBasedUuids {
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private final byte[] namespace;
    private final MessageDigest sha1 = Sha256Hasher.digest("SHA-1");

    NameBasedUuids(UUID namespace) {
        this.namespace = new byte[16];
        BIG_ENDIAN_LONG.set(this.namespace, 0, namespace.getMostSignificantBits());
        BIG_ENDIAN_LONG.set(this.namespace, 8, namespace.getLeastSignificantBits());
    }

    String derive(String name) {
        sha1.update(namespace);
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        long high = (long) BIG_ENDIAN_LONG.get(hash, 0);
        long low = (long) BIG_ENDIAN_LONG.get(hash, 8);
        high = (high & ~0xF000L) | 0x5000L; // version 5
        low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // variant 10xx (RFC 9562)
        return new UUID(high, low).toString();
    }
}
