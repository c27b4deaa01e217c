package dev.cohort.connector.air;

import dev.cohort.spi.destination.DestinationType;
import dev.cohort.spi.destination.WriteResult;
import dev.cohort.testing.conformance.DestinationConformance;
import dev.cohort.testing.conformance.InvalidConfiguration;
import dev.cohort.testing.conformance.RejectionCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/**
 * The conformance suite for {@code type: eagle-eye-air-trigger} against {@link AirStandIn}: what a delivery sent is
 * read back from the rewards the stand-in issued (identity and action, in order), and the target is every reward
 * issued. Each test has a stand-in of its own, so the target starts empty.
 *
 * <p>A reward is issued when its row is written — AIR has no undo, and the row must be sent in {@code write} for a
 * refusal to come back as a rejected row — so this destination {@linkplain #deliversAsItWrites() delivers as it
 * writes}: an aborted or unfinished delivery sends nothing more and keeps what was rewarded.
 */
class AirTriggerConformanceIT extends DestinationConformance<AirTriggerConfig> {
    private static final int CONSUMERS = 12;
    private final AirStandIn air = standIn();

    @AfterEach
    void stop() {
        air.close();
    }

    @Override
    protected DestinationType<AirTriggerConfig> destinationType() {
        return new AirTriggerDestinationType();
    }

    @Override
    protected Map<String, Object> validSettings() {
        return Map.of("base_url", air.baseUrl().toString(), "reward_key", "conformance-2026", "action_reference", "APP_DOWNLOAD_100");
    }

    @Override
    protected Map<String, String> validSecrets() {
        return Map.of("client_id", AirStandIn.CLIENT_ID, "client_secret", AirStandIn.SECRET);
    }

    @Override
    protected InvalidConfiguration invalidConfiguration() {
        return new InvalidConfiguration(Map.of("base_url", "ftp://air.example", "reward_key", "x".repeat(101), "request_timeout", "0s"),
                Map.of("client_secret", AirStandIn.SECRET), Set.of("base_url", "reward_key", "request_timeout", "credential.client_id"));
    }

    /** A consumer AIR has no wallet for: 404, a rejected row. */
    @Override
    protected Optional<RejectionCase> rejectionCase() {
        return Optional.of(new RejectionCase(Map.of(), new String[] {"NOT-A-MEMBER-77", "LATE_DELIVERY_500"}));
    }

    @Override
    protected List<String> fields() {
        return List.of("identity_value", "action_reference");
    }

    /** Consumer {@code CUST-<n>}, with one action on odd rows and another on even rows (the rejection case uses the setting's). */
    @Override
    protected String[] row(long number) {
        return new String[] {"CUST-" + number, number % 2 == 1 ? "LATE_DELIVERY_500" : "APP_DOWNLOAD_100"};
    }

    @Override
    protected List<List<String>> readBack(WriteResult result) {
        return air.issued().stream().map(issued -> List.of(issued.identityValue(), String.join(",", issued.actions()))).toList();
    }

    @Override
    protected List<String> listTarget() {
        return air.issued().stream().map(issued -> "reward " + issued.reference()).toList();
    }

    private static AirStandIn standIn() {
        try {
            AirStandIn air = new AirStandIn("/services/trigger");
            for (int number = 1; number <= CONSUMERS; number++) {
                air.wallet("CUST-" + number, String.valueOf(320000000 + number), 0);
            }
            return air;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips the suite's two tests that expect an unfinished delivery to leave nothing at the partner. */
    @Override
    protected boolean deliversAsItWrites() {
        return true;
    }

}
