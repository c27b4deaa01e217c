package dev.cohort.connector.insider;

import static org.awaitility.Awaitility.await;

import dev.cohort.sandbox.insider.InsiderSegment;
import dev.cohort.spi.destination.DestinationType;
import dev.cohort.spi.destination.RequestPermits;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import dev.cohort.testing.conformance.DestinationConformance;
import dev.cohort.testing.conformance.InvalidConfiguration;
import dev.cohort.testing.conformance.RejectionCase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The conformance suite for {@code type: insider-one} against the sandbox Insider server: what a delivery
 * finished is read back from the segment the sandbox stored after downloading the lent file, and the target
 * is everything a delivery can leave — stored segments, lent files and the connector's temporary files.
 */
class InsiderOneConformanceIT extends DestinationConformance<InsiderOneConfig> {
    @RegisterExtension
    final InsiderTestBed bed = new InsiderTestBed();

    @Override
    protected DestinationType<InsiderOneConfig> destinationType() {
        return bed.type();
    }

    @Override
    protected Map<String, Object> validSettings() {
        return bed.settings(Map.of());
    }

    @Override
    protected Map<String, String> validSecrets() {
        return InsiderTestBed.secrets();
    }

    @Override
    protected InvalidConfiguration invalidConfiguration() {
        return new InvalidConfiguration(Map.of("segment_name", "a".repeat(41), "attribute", "customer_id", "base_url", "ftp://x"),
                Map.of("api_token", InsiderTestBed.TOKEN), Set.of("segment_name", "attribute", "base_url", "credential.partner_name"));
    }

    @Override
    protected Optional<RejectionCase> rejectionCase() {
        return Optional.of(new RejectionCase(Map.of(), new String[] {"not-an-address"}));
    }

    @Override
    protected List<String> fields() {
        return List.of("email");
    }

    @Override
    protected String[] row(long number) {
        return new String[] {"user" + number + "@example.com"};
    }

    @Override
    protected WriteContext writeContext() {
        String run = "conformance-" + UUID.randomUUID();
        return new WriteContext(run, "conformance", "audience", Instant.now(), ZoneOffset.UTC, false, fields(), RequestPermits.UNLIMITED,
                bed.files(), bed.callbacks().url(run));
    }

    @Override
    protected List<List<String>> readBack(WriteResult result) {
        await().atMost(Duration.ofSeconds(10)).until(() -> bed.callbacks().reports().size() == 1);
        InsiderSegment segment = bed.insider().segment(InsiderTestBed.PARTNER, InsiderTestBed.SEGMENT).orElseThrow();
        return segment.values().stream().map(List::of).toList();
    }

    @Override
    protected List<String> listTarget() {
        List<String> target = new ArrayList<>();
        bed.insider().segments(InsiderTestBed.PARTNER).forEach(segment -> target.add("segment " + segment.name()));
        target.addAll(bed.files().files());
        bed.leftInWorkFolder().forEach(path -> target.add("temporary " + path));
        return target;
    }
}
