package dev.cohort.runtime.workspace;

import dev.cohort.runtime.secret.SecretBinding;
import dev.cohort.runtime.secret.SecretBox;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Seals a credential's values as one JSON object under the workspace's master key, bound to its name. */
final class MasterKeyVault implements CredentialVault {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SecretBox box;
    private final String workspace;

    MasterKeyVault(SecretBox box, String workspace) {
        this.box = box;
        this.workspace = workspace;
    }

    @Override
    public byte[] seal(String credentialName, Map<String, String> values) {
        byte[] plaintext = JSON.writeValueAsBytes(new TreeMap<>(values));
        return box.seal(plaintext, new SecretBinding(workspace, credentialName));
    }

    @Override
    public Map<String, String> open(String credentialName, byte[] sealed) {
        byte[] plaintext = box.open(sealed, new SecretBinding(workspace, credentialName));
        return JSON.readValue(new String(plaintext, StandardCharsets.UTF_8), new TypeReference<Map<String, String>>() {});
    }
}
