package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSshPutTest {
    @Test
    void readsTheUploadCipherFromTheVerboseLog() {
        List<String> log = List.of("debug1: kex: algorithm: curve25519-sha256",
                "debug1: kex: server->client cipher: aes256-gcm@openssh.com MAC: <implicit> compression: none",
                "debug1: kex: client->server cipher: chacha20-poly1305@openssh.com MAC: <implicit> compression: none");

        assertThat(OpenSshPut.cipher(log)).isEqualTo("chacha20-poly1305@openssh.com");
        assertThat(OpenSshPut.cipher(List.of("Connected to 127.0.0.1."))).isEqualTo("unknown");
    }
}
