package dev.cohort.sandbox.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SftpFaultsTest {
    @Test
    void everyFaultIsOffAtFirstAndAfterClear() {
        SftpFaults faults = new SftpFaults();
        assertOff(faults);

        faults.storageQuota("partner", 10).readOnly("partner", "/outbox").dropConnectionAfterBytesWritten(5)
                .latency(Duration.ofMillis(50));
        assertThat(faults.quotaOf("partner")).hasValue(10);
        assertThat(faults.latency()).isEqualTo(Duration.ofMillis(50));
        assertThat(faults.readOnlyFoldersOf("partner")).containsExactly("/outbox");
        assertThat(faults.dropAfterBytes()).isEqualTo(5);

        assertOff(faults.clear());
    }

    @Test
    void aLimitedNumberOfConnectionsIsDropped() {
        SftpFaults faults = new SftpFaults().dropConnectionAfterBytesWritten(0, 2);
        assertThat(faults.takeConnectionToDrop()).isTrue();
        assertThat(faults.takeConnectionToDrop()).isTrue();
        assertThat(faults.takeConnectionToDrop()).isFalse();
        assertThat(faults.dropAfterBytes()).isEqualTo(-1);
    }

    @Test
    void readOnlyFoldersCoverTheirSubfoldersOnly() {
        assertThat(SftpHandles.isWithin("/outbox/a.csv", "/outbox")).isTrue();
        assertThat(SftpHandles.isWithin("/outbox", "outbox/")).isTrue();
        assertThat(SftpHandles.isWithin("/outbox2/a.csv", "/outbox")).isFalse();
        assertThat(SftpHandles.isWithin("/anything", "/")).isTrue();
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThatThrownBy(() -> new SftpFaults().storageQuota("partner", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SftpFaults().dropConnectionAfterBytesWritten(10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SftpFaults().latency(Duration.ofMillis(-1)))
                .hasMessage("an SFTP latency must be between 0 and 10 minutes, not PT-0.001S");
        assertThatThrownBy(() -> new SftpFaults().latency(Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertOff(SftpFaults faults) {
        assertThat(faults.quotaOf("partner")).isEmpty();
        assertThat(faults.readOnlyFoldersOf("partner")).isEmpty();
        assertThat(faults.dropAfterBytes()).isEqualTo(-1);
        assertThat(faults.latency()).isZero();
    }
}
