package dev.cohort.sandbox.insider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One account's segments and rate limit. A segment name is taken as soon as an upload of it is accepted
 * (a second {@code create} of it while the first is processed is refused); a first upload that fails frees
 * the name again, a failed {@code replace} keeps the values stored before. When uploads of one name finish
 * out of order, the values of the latest accepted one win. Thread-safe.
 */
final class AccountState {
    /** What {@link #reserve} decided. */
    enum Reservation { ACCEPTED, NAME_EXISTS }

    private final InsiderAccount account;
    private final FixedWindowRateLimit rateLimit;
    private final Map<String, Slot> slots = new LinkedHashMap<>();

    AccountState(InsiderAccount account, int requestsPerSecond) {
        this.account = account;
        this.rateLimit = new FixedWindowRateLimit(requestsPerSecond);
    }

    InsiderAccount account() {
        return account;
    }

    String partner() {
        return account.partnerName();
    }

    FixedWindowRateLimit rateLimit() {
        return rateLimit;
    }

    /** Takes the segment name for an accepted upload; a {@code create} of a taken name is refused. */
    synchronized Reservation reserve(String name, boolean replace) {
        Slot slot = slots.get(name);
        if (slot != null && !replace) {
            return Reservation.NAME_EXISTS;
        }
        if (slot == null) {
            slot = new Slot();
            slots.put(name, slot);
        }
        slot.pending++;
        return Reservation.ACCEPTED;
    }

    /** Stores the values of upload {@code uploadId}, unless a later upload of the name was stored already. */
    synchronized void completed(long uploadId, InsiderSegment segment) {
        Slot slot = slots.computeIfAbsent(segment.name(), name -> new Slot());
        slot.pending = Math.max(0, slot.pending - 1);
        if (uploadId > slot.storedUploadId) {
            slot.stored = segment;
            slot.storedUploadId = uploadId;
        }
    }

    /** Upload {@code name} failed: a name with nothing stored and nothing else pending is free again. */
    synchronized void failed(String name) {
        Slot slot = slots.get(name);
        if (slot == null) {
            return;
        }
        slot.pending = Math.max(0, slot.pending - 1);
        if (slot.stored == null && slot.pending == 0) {
            slots.remove(name);
        }
    }

    /** Puts a segment as if an earlier upload had made it (for demos and tests). */
    synchronized void seed(InsiderSegment segment) {
        Slot slot = slots.computeIfAbsent(segment.name(), name -> new Slot());
        slot.stored = segment;
    }

    synchronized Optional<InsiderSegment> segment(String name) {
        Slot slot = slots.get(name);
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.stored);
    }

    synchronized List<InsiderSegment> segments() {
        List<InsiderSegment> stored = new ArrayList<>();
        slots.values().forEach(slot -> {
            if (slot.stored != null) {
                stored.add(slot.stored);
            }
        });
        return List.copyOf(stored);
    }

    private static final class Slot {
        private InsiderSegment stored;
        private long storedUploadId = Long.MIN_VALUE;
        private int pending;
    }
}
