package dev.cohort.cli;

import dev.cohort.sandbox.air.AirWallet;
import dev.cohort.sandbox.air.SandboxAirServer;
import dev.cohort.sandbox.braze.BrazeCustomEvent;
import dev.cohort.sandbox.braze.BrazeUser;
import dev.cohort.sandbox.braze.SandboxBrazeServer;
import dev.cohort.server.CohortServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sample consumer journey of the loyalty reference, played by {@code cohort demo} against the AIR and Braze
 * stand-ins through a running Cohort server: a late delivery puts a consumer in a Braze audience, Braze asks Cohort
 * for a reward ({@code /in}), Cohort has AIR issue it, AIR reports the points ({@code /out}), and Cohort tells Braze,
 * which can now message the consumer.
 */
final class DemoJourney {
    private static final String CUSTOMER = "C0000001";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    private DemoJourney() {}

    static int play(PrintWriter out, CohortServer server, SandboxAirServer air, SandboxBrazeServer braze, String externalKey) {
        air.connector(URI.create(server.url() + "/out/braze/air_to_braze"), externalKey);
        String wallet = air.walletIdOf(CUSTOMER).orElseThrow();
        long before = air.wallet(wallet).map(AirWallet::pointsBalance).orElse(0L);
        String body = """
                {"type":"services/trigger","body":{"identityValue":"%s","walletTransaction":{"reference":"late-delivery-order-1042"},"triggers":[{"reference":"LATE_DELIVERY"}]}}""".formatted(CUSTOMER);
        out.println("   Braze → Cohort: POST " + server.url() + "/in/braze/braze_rewards  (X-Auth-Token: the connector's key)");
        out.println("     " + body);
        HttpResponse<String> answer;
        try (HttpClient http = HttpClient.newHttpClient()) {
            answer = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/in/braze/braze_rewards"))
                    .header("X-Auth-Token", externalKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            out.println("   could not reach the server: " + e.getMessage());
            return ExitCodes.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILURE;
        }
        out.println("   Cohort → Braze: " + answer.statusCode() + " " + answer.body() + "  (stored before answering)");
        out.flush();

        Optional<AirWallet> rewarded = await(() -> air.wallet(wallet).filter(w -> w.pointsBalance() > before));
        if (rewarded.isEmpty()) {
            out.println("   AIR did not issue the reward within " + STEP_TIMEOUT.toSeconds() + " s: 'cohort events stats' tells more");
            return ExitCodes.FAILURE;
        }
        out.printf("   Cohort → AIR: services/trigger LATE_DELIVERY for %s, signed; AIR: wallet %s +%d points, balance %d,"
                + " tier %s%n", CUSTOMER, wallet, rewarded.get().pointsBalance() - before, rewarded.get().pointsBalance(),
                rewarded.get().tier());
        out.println("   AIR → Cohort: POST /out/braze/air_to_braze  (the event notification, with the wallet's identities)");
        out.flush();

        Optional<BrazeUser> user = await(() -> braze.user(CUSTOMER).filter(u -> !u.events().isEmpty()));
        if (user.isEmpty()) {
            out.println("   Braze did not receive the event within " + STEP_TIMEOUT.toSeconds() + " s: 'cohort events dlq list' tells more");
            return ExitCodes.FAILURE;
        }
        for (BrazeCustomEvent event : user.get().events()) {
            out.println("   Cohort → Braze /users/track: " + CUSTOMER + " event '" + event.name() + "' " + event.properties());
        }
        out.println("   Braze now knows " + CUSTOMER + " as " + user.get().attributes()
                + ": a campaign can tell them about their reward.");
        out.flush();
        return ExitCodes.OK;
    }

    /** Polls {@code check} until it gives a value or the step's time runs out. */
    private static <T> Optional<T> await(Supplier<Optional<T>> check) {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = check.get();
            if (value.isPresent()) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
