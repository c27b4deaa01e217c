package dev.cohort.runtime.secret;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;

/** A master key or sealed secret problem. Messages name keys by id and source, never by value. */
public class SecretException extends CohortException {
    private static final long serialVersionUID = 1L;

    /** Neither {@code COHORT_MASTER_KEY} nor the key file is there. */
    public static final ErrorCode MASTER_KEY_MISSING = ErrorCode.user("MASTER_KEY_MISSING");
    /** The environment variable or key file does not hold the base64 of 32 bytes. */
    public static final ErrorCode MASTER_KEY_INVALID = ErrorCode.user("MASTER_KEY_INVALID");
    /** The key file can be read or changed by users other than its owner. */
    public static final ErrorCode MASTER_KEY_FILE_UNSAFE = ErrorCode.user("MASTER_KEY_FILE_UNSAFE");
    /** A new key file was asked for where one exists; keys are never overwritten. */
    public static final ErrorCode MASTER_KEY_FILE_EXISTS = ErrorCode.user("MASTER_KEY_FILE_EXISTS");
    /** The key file cannot be read or written (permissions, missing folder, disk). */
    public static final ErrorCode MASTER_KEY_FILE_ERROR = ErrorCode.user("MASTER_KEY_FILE_ERROR");
    /** Secrets were sealed under another master key than the one in use. */
    public static final ErrorCode MASTER_KEY_MISMATCH = ErrorCode.user("MASTER_KEY_MISMATCH");
    /** Sealed bytes do not open under the key that sealed them: altered, or moved from another credential. */
    public static final ErrorCode SECRET_TAMPERED = ErrorCode.user("SECRET_TAMPERED");
    /** Sealed bytes carry a format version this Cohort does not know. */
    public static final ErrorCode SECRET_FORMAT_UNKNOWN = ErrorCode.user("SECRET_FORMAT_UNKNOWN");

    public SecretException(ErrorCode code, String message) {
        super(code, message);
    }

    public SecretException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /**
     * The error for secrets of {@code workspace} sealed under the key with id {@code storedKeyId} while
     * {@code current} is in use: says both ids, where the current key came from, and the two ways out.
     */
    public static SecretException masterKeyMismatch(String workspace, String storedKeyId, MasterKey current) {
        return new SecretException(MASTER_KEY_MISMATCH, "The credentials of workspace '" + workspace
                + "' were encrypted with another master key (key id " + storedKeyId + "; this key, from "
                + current.source() + ", is " + current.keyId() + "). Use the key from when they were stored (in "
                + MasterKey.ENVIRONMENT_VARIABLE + " or the key file), or re-apply the workspace to store them "
                + "again under this key.");
    }
}
