package dev.cohort.runtime.secret;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a sealed secret belongs to. It is authenticated with the secret (AES-GCM associated data), so
 * sealed bytes copied to another credential or workspace do not open there.
 *
 * @param workspace the workspace's name
 * @param name      the credential's name
 */
public record SecretBinding(String workspace, String name) {
    public SecretBinding {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(name, "name");
    }

    /** Each part length-prefixed, so that ("ab", "c") and ("a", "bc") differ. */
    byte[] encoded() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : new String[] {workspace, name}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /** "credential 'x' of workspace 'y'", for messages. */
    String describe() {
        return "credential '" + name + "' of workspace '" + workspace + "'";
    }
}
