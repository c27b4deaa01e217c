package dev.cohort.runtime.workspace;

import java.util.Map;

/** Seals a credential's values for the store and opens them again. */
public interface CredentialVault {
    byte[] seal(String credentialName, Map<String, String> values);

    /** @throws dev.cohort.spi.CohortException with a clear message when the key does not match */
    Map<String, String> open(String credentialName, byte[] sealed);
}
