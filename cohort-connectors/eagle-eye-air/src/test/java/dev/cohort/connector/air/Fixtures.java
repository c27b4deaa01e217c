package dev.cohort.connector.air;

import dev.cohort.spi.config.Settings;
import dev.cohort.spi.event.LoyaltyEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/** The AIR event notifications of {@code src/test/resources/air-events}, and a platform configured to read them. */
final class Fixtures {
    static final AirLoyaltyPlatform PLATFORM = new AirLoyaltyPlatform();
    static final AirConfig CONFIG = config(Map.of("base_url", "https://wallet.sandbox.uk.eagleeye.com", "currency", "GBP"));

    private Fixtures() {}

    static AirConfig config(Map<String, Object> settings) {
        return PLATFORM.configure(new Settings(PLATFORM.spec().settings(), settings,
                Map.of("client_id", "acme-client-01", "client_secret", "s3cr3t-ab12")));
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/air-events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(String name) {
        return (ObjectNode) Json.read(bytes(name));
    }

    /** The fixture after {@code change}, as bytes. */
    static byte[] changed(String name, Consumer<ObjectNode> change) {
        ObjectNode tree = tree(name);
        change.accept(tree);
        return Json.write(tree);
    }

    static LoyaltyEvent event(String name) {
        return event(bytes(name));
    }

    static LoyaltyEvent event(byte[] body) {
        return PLATFORM.readNotification(CONFIG, body).orElseThrow();
    }

    static LoyaltyEvent event(AirConfig config, String name) {
        return PLATFORM.readNotification(config, bytes(name)).orElseThrow();
    }
}
