/**
 * Credentials encrypted at rest. A {@link dev.cohort.runtime.secret.MasterKey} (256 bits, from
 * {@code COHORT_MASTER_KEY} or an owner-only key file) seals credential values with AES-256-GCM in a
 * {@link dev.cohort.runtime.secret.SecretBox}; the store keeps only sealed bytes and the key's id, so a
 * wrong key is recognised before anything is decrypted, and a stolen store file reveals nothing.
 */
package dev.cohort.runtime.secret;
