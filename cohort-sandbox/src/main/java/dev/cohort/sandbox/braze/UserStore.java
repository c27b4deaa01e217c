package dev.cohort.sandbox.braze;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the stand-in received, per user: attributes merged, the newest {@value BrazeUser#KEPT} events and purchases
 * kept, everything counted. An object with {@code _update_existing_only: true} for a user not yet known is taken
 * (and counted as processed) but changes nothing, as Braze does. Thread-safe.
 */
final class UserStore {
    private static final class Profile {
        private final BrazeUserKey key;
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private final Deque<BrazeCustomEvent> events = new ArrayDeque<>();
        private final Deque<BrazePurchase> purchases = new ArrayDeque<>();
        private long attributeUpdates;
        private long eventsReceived;
        private long purchasesReceived;

        Profile(BrazeUserKey key) {
            this.key = key;
        }

        BrazeUser snapshot() {
            return new BrazeUser(key, attributes, List.copyOf(events), List.copyOf(purchases), attributeUpdates, eventsReceived,
                    purchasesReceived);
        }
    }

    private final Map<BrazeUserKey, Profile> profiles = new LinkedHashMap<>();

    synchronized void apply(UsersTrack.Parsed request) {
        for (UsersTrack.AttributeUpdate update : request.attributes()) {
            Profile profile = profile(update.key(), update.updateExistingOnly());
            if (profile != null) {
                update.values().forEach((name, value) -> {
                    if (value == null) {
                        profile.attributes.remove(name);
                    } else {
                        profile.attributes.put(name, value);
                    }
                });
                profile.attributeUpdates++;
            }
        }
        for (UsersTrack.EventUpdate update : request.events()) {
            Profile profile = profile(update.key(), update.updateExistingOnly());
            if (profile != null) {
                keep(profile.events, update.event());
                profile.eventsReceived++;
            }
        }
        for (UsersTrack.PurchaseUpdate update : request.purchases()) {
            Profile profile = profile(update.key(), update.updateExistingOnly());
            if (profile != null) {
                keep(profile.purchases, update.purchase());
                profile.purchasesReceived++;
            }
        }
    }

    synchronized Optional<BrazeUser> user(BrazeUserKey key) {
        return Optional.ofNullable(profiles.get(key)).map(Profile::snapshot);
    }

    synchronized List<BrazeUser> users() {
        return profiles.values().stream().map(Profile::snapshot).toList();
    }

    synchronized void clear() {
        profiles.clear();
    }

    private Profile profile(BrazeUserKey key, boolean existingOnly) {
        Profile profile = profiles.get(key);
        if (profile == null && !existingOnly) {
            profile = new Profile(key);
            profiles.put(key, profile);
        }
        return profile;
    }

    private static <T> void keep(Deque<T> kept, T item) {
        if (kept.size() == BrazeUser.KEPT) {
            kept.removeFirst();
        }
        kept.addLast(item);
    }
}
