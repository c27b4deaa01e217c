package dev.cohort.connector.air;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The wallet transaction reference of one row of an {@code eagle-eye-air-trigger} delivery — its idempotency key:
 * {@code cohort-} and the first {@value #HEX_CHARACTERS} hex characters (128 bits) of
 * {@code sha256(reward_key + "\n" + identity value + "\n" + action reference)}, in UTF-8. The same reward, consumer
 * and action always give the same reference, so AIR — which keeps references unique — rewards a consumer once
 * however often the orchestration runs. The reference holds no identity value in the clear.
 */
public final class RewardReference {
    /** What every reference starts with, so that Cohort's transactions can be told apart in AIR. */
    public static final String PREFIX = "cohort-";
    /** How many hex characters of the hash are kept. */
    public static final int HEX_CHARACTERS = 32;

    private RewardReference() {}

    /** The reference for {@code identityValue} and {@code actionReference} under {@code rewardKey}. */
    public static String of(String rewardKey, String identityValue, String actionReference) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        byte[] hash = sha256.digest((rewardKey + "\n" + identityValue + "\n" + actionReference).getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(hash).substring(0, HEX_CHARACTERS);
    }
}
