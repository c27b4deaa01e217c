package dev.cohort.connector.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.spi.ErrorKind;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.RequestPermits;
import dev.cohort.spi.event.Trigger;
import dev.cohort.spi.event.TriggerResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code trigger()} against {@link AirStandIn}, a real HTTP server on loopback that checks signatures as AIR does. */
class TriggerIT {
    private static final AirLoyaltyPlatform PLATFORM = new AirLoyaltyPlatform();
    private static final Trigger LATE_DELIVERY = new Trigger("CUST-1001", "late-delivery-2025-03-14-0001", List.of("LATE_DELIVERY_500"));

    private AirStandIn air;
    private final AtomicInteger permits = new AtomicInteger();
    private final RequestPermits counting = permits::incrementAndGet;

    @BeforeEach
    void start() throws IOException {
        air = new AirStandIn("/services/trigger");
    }

    @AfterEach
    void stop() {
        air.close();
    }

    @Test
    void aSignedTriggerAwardsPoints() throws InterruptedException {
        TriggerResult result = PLATFORM.trigger(config(Map.of()), LATE_DELIVERY, counting);

        assertThat(result.transactionId()).isEqualTo("880000201");
        assertThat(result.status()).isEqualTo("SETTLED");
        assertThat(result.pointsAwarded()).isEqualTo(500);
        assertThat(result.duplicate()).isFalse();
        assertThat(air.balance("310000101")).isEqualTo(1700);
        assertThat(permits).as("one permit per request").hasValue(1);
        assertThat(air.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.pathAndQuery()).isEqualTo("/services/trigger");
            assertThat(request.headers().get("X-ees-auth-client-id")).containsExactly("acme-client-01");
            assertThat(request.headers().get("Content-type")).containsExactly("application/json");
            assertThat(request.body()).isEqualTo("{\"identityValue\":\"CUST-1001\",\"walletTransaction\":{\"reference\":"
                    + "\"late-delivery-2025-03-14-0001\"},\"triggers\":[{\"reference\":\"LATE_DELIVERY_500\"}]}");
        });
    }

    @Test
    void aRepeatedReferenceIsADuplicateNotASecondReward() throws InterruptedException {
        TriggerResult first = PLATFORM.trigger(config(Map.of()), LATE_DELIVERY, counting);
        TriggerResult again = PLATFORM.trigger(config(Map.of()), LATE_DELIVERY, counting);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.transactionId()).isEqualTo(first.transactionId());
        assertThat(again.pointsAwarded()).as("nothing new was issued").isNull();
        assertThat(air.balance("310000101")).as("rewarded once").isEqualTo(1700);
    }

    @Test
    void anAnswerMarkedDuplicateIsADuplicate() throws InterruptedException {
        air.force(200, Map.of(), "{\"walletTransactionId\":\"880000999\",\"status\":\"SETTLED\",\"duplicate\":true}");

        TriggerResult result = PLATFORM.trigger(config(Map.of()), LATE_DELIVERY, counting);

        assertThat(result.duplicate()).isTrue();
        assertThat(result.transactionId()).isEqualTo("880000999");
        assertThat(result.pointsAwarded()).isNull();
    }

    @Test
    void aBaseUrlWithAPrefixAndAnotherTriggerPathAreSignedAsSent() throws Exception {
        try (AirStandIn gateway = new AirStandIn("/air/2.0/services/trigger")) {
            Map<String, Object> settings = new HashMap<>(Map.of("base_url", gateway.baseUrl() + "/air", "trigger_path",
                    "/2.0/services/trigger"));
            AirConfig config = configure(settings, AirStandIn.SECRET);

            TriggerResult result = PLATFORM.trigger(config, LATE_DELIVERY, counting);

            assertThat(result.pointsAwarded()).isEqualTo(500);
            assertThat(gateway.received()).singleElement().extracting(AirStandIn.Received::pathAndQuery)
                    .isEqualTo("/air/2.0/services/trigger");
        }
    }

    @Test
    void aWrongSecretIsRefusedAndNamesTheCredentialValuesNotTheirContent() {
        AirConfig config = configure(Map.of("base_url", air.baseUrl().toString()), "not-the-secret");

        assertThatThrownBy(() -> PLATFORM.trigger(config, LATE_DELIVERY, counting))
                .isInstanceOfSatisfying(PartnerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(AirErrors.UNAUTHORIZED);
                    assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_PERMANENT);
                    assertThat(e.getMessage()).contains("401", "client_id", "client_secret", "Authentication failed")
                            .doesNotContain("not-the-secret").doesNotContain("acme-client-01");
                });
    }

    @Test
    void anUnknownIdentityIsNoWalletAndItsValueIsNeverShown() {
        Trigger stranger = new Trigger("robin@example.org", "ref-2", List.of("LATE_DELIVERY_500"));

        assertThatThrownBy(() -> PLATFORM.trigger(config(Map.of()), stranger, counting))
                .isInstanceOfSatisfying(PartnerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(AirErrors.WALLET_NOT_FOUND);
                    assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_PERMANENT);
                    assertThat(e.getMessage()).contains("404", "no wallet", "ref-2").doesNotContain("robin");
                });
    }

    @Test
    void anUnknownActionIsABadRequest() {
        Trigger unknown = new Trigger("CUST-1001", "ref-3", List.of("NO_SUCH_ACTION"));

        assertThatThrownBy(() -> PLATFORM.trigger(config(Map.of()), unknown, counting))
                .isInstanceOfSatisfying(PartnerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(AirErrors.BAD_REQUEST);
                    assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_PERMANENT);
                    assertThat(e.getMessage()).contains("400", "Unknown trigger reference", "NO_SUCH_ACTION");
                });
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheWaitAirAsksFor() {
        air.force(429, Map.of("Retry-After", "7"), "{\"errorMessage\":\"Too many requests\"}");

        assertThatThrownBy(() -> PLATFORM.trigger(config(Map.of()), LATE_DELIVERY, counting))
                .isInstanceOfSatisfying(PartnerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(AirErrors.RATE_LIMITED);
                    assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_TRANSIENT);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                });
    }

    @Test
    void aServerErrorIsRetried() {
        air.force(500, Map.of(), "oops");
        air.force(503, Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), "");

        assertThatThrownBy(() -> PLATFORM.trigger(config(Map.of()), LATE_DELIVERY, counting))
                .isInstanceOfSatisfying(PartnerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(AirErrors.UNAVAILABLE);
                    assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_TRANSIENT);
                    assertThat(e.retryAfter()).isEmpty();
                    assertThat(e.getMessage()).contains("500", "oops");
                });
        assertThatThrownBy(() -> PLATFORM.trigger(config(Map.of()), LATE_DELIVERY, counting))
                .isInstanceOfSatisfying(PartnerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(AirErrors.UNAVAILABLE);
                    assertThat(e.retryAfter()).as("a date in the past: at once").contains(Duration.ZERO);
                });
    }

    @Test
    void forbiddenAndUnexpectedAnswersAreNotRetried() {
        air.force(403, Map.of(), "");
        air.force(302, Map.of("Location", "https://elsewhere.example/"), "");

        assertThatThrownBy(() -> PLATFORM.trigger(config(Map.of()), LATE_DELIVERY, counting))
                .isInstanceOfSatisfying(PartnerException.class, e -> assertThat(e.errorCode()).isEqualTo(AirErrors.FORBIDDEN));
        assertThatThrownBy(() -> PLATFORM.trigger(config(Map.of()), LATE_DELIVERY, counting))
                .isInstanceOfSatisfying(PartnerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(AirErrors.UNEXPECTED_ANSWER);
                    assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_PERMANENT);
                    assertThat(e.getMessage()).contains("302", "trigger_path");
                });
        assertThat(air.received()).as("the redirect was not followed").hasSize(2);
    }

    @Test
    void noAnswerInTimeIsRetried() {
        air.holdNextAnswer();
        try {
            assertThatThrownBy(() -> PLATFORM.trigger(config(Map.of("request_timeout", "300ms")), LATE_DELIVERY, counting))
                    .isInstanceOfSatisfying(PartnerException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(AirErrors.UNREACHABLE);
                        assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_TRANSIENT);
                        assertThat(e.getMessage()).contains("no answer", "request_timeout");
                    });
        } finally {
            air.release();
        }
    }

    @Test
    void aRefusedConnectionIsRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AirConfig config = configure(Map.of("base_url", "http://127.0.0.1:" + closedPort), AirStandIn.SECRET);

        assertThatThrownBy(() -> PLATFORM.trigger(config, LATE_DELIVERY, counting))
                .isInstanceOfSatisfying(PartnerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(AirErrors.UNREACHABLE);
                    assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_TRANSIENT);
                    assertThat(e.getMessage()).contains("refused");
                });
    }

    @Test
    void anEmptyReferenceIsRefusedBeforeAnythingIsSent() {
        Trigger blank = new Trigger("CUST-1001", " ", List.of("LATE_DELIVERY_500"));

        assertThatThrownBy(() -> PLATFORM.trigger(config(Map.of()), blank, counting))
                .isInstanceOfSatisfying(PartnerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(AirErrors.TRIGGER_INVALID);
                    assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR);
                    assertThat(e.getMessage()).contains("wallet transaction reference");
                });
        assertThat(permits).hasValue(0);
        assertThat(air.received()).isEmpty();
    }

    @Test
    void anInterruptedWaitForAPermitSendsNothing() {
        RequestPermits interrupted = () -> {
            throw new InterruptedException("stopping");
        };

        assertThatThrownBy(() -> PLATFORM.trigger(config(Map.of()), LATE_DELIVERY, interrupted)).isInstanceOf(InterruptedException.class);
        assertThat(air.received()).isEmpty();
    }

    private AirConfig config(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(extra);
        settings.put("base_url", air.baseUrl().toString());
        return configure(settings, AirStandIn.SECRET);
    }

    private static AirConfig configure(Map<String, Object> settings, String secret) {
        return PLATFORM.configure(new Settings(PLATFORM.spec().settings(), settings,
                Map.of("client_id", AirStandIn.CLIENT_ID, "client_secret", secret)));
    }
}
