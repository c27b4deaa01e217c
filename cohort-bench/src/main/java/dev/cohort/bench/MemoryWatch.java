package dev.cohort.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the peak heap and resident memory of one phase of a benchmark: {@link #start()} collects
 * garbage, resets the heap pools' peaks and the kernel's {@code VmHWM}, then a daemon thread samples the
 * heap in use after the latest collection and the resident size every few milliseconds until
 * {@link #stop()}. One phase at a time; not thread-safe.
 */
final class MemoryWatch {
    private static final long SAMPLE_MILLIS = 10;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final AtomicLong heapAfterGc = new AtomicLong();
    private final AtomicLong residentSampled = new AtomicLong();
    private boolean residentResettable;
    private Thread sampler;
    private volatile boolean running = true;

    private MemoryWatch() {
    }

    static MemoryWatch start() {
        MemoryWatch watch = new MemoryWatch();
        watch.begin();
        return watch;
    }

    private void begin() {
        memory.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        residentResettable = ProcStatus.resetPeakResident();
        sample();
        sampler = Thread.ofPlatform().daemon().name("memory-watch").start(this::sampleUntilStopped);
    }

    MemoryPeaks stop() {
        running = false;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        long poolPeaks = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long resident = residentResettable
                ? ProcStatus.peakResidentBytes().orElse(residentSampled.get()) : residentSampled.get();
        return new MemoryPeaks(poolPeaks, heapAfterGc.get(), resident, residentResettable, residentSampled.get());
    }

    private void sampleUntilStopped() {
        while (running) {
            sample();
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        long afterGc = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage usage = pool.getCollectionUsage();
            afterGc += usage == null ? 0 : usage.getUsed();
        }
        heapAfterGc.accumulateAndGet(afterGc, Math::max);
        ProcStatus.residentBytes().ifPresent(bytes -> residentSampled.accumulateAndGet(bytes, Math::max));
    }
}
