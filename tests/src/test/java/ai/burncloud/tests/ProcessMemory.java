package ai.burncloud.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory of another JVM process: its resident set as the kernel counts it ({@code VmRSS} in
 * {@code /proc/PID/status}, what an operator's {@code top} shows and what an OOM killer judges),
 * sampled for the peak while load runs; and, once {@link #settled}, what it keeps after a full
 * collection: the resident set and the bytes of live objects ({@code jcmd PID GC.class_histogram},
 * which collects first, as an operator would look).
 */
final class ProcessMemory implements AutoCloseable {
    /** After a full collection: resident MiB and live heap bytes. */
    record Settled(long rssMiB, long liveHeapBytes) {
        @Override
        public String toString() {
            return String.format("RSS %d MiB, live heap %.1f MiB", rssMiB, liveHeapBytes / 1048576.0);
        }
    }

    private final long pid;
    private final AtomicLong peakKiB = new AtomicLong();
    private volatile boolean sampling;
    private Thread sampler;

    ProcessMemory(long pid) {
        this.pid = pid;
    }

    /** VmRSS in MiB now; -1 once the process is gone. */
    long nowMiB() {
        long kib = nowKiB();
        return kib < 0 ? -1 : kib / 1024;
    }

    private long nowKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
            throw new IllegalStateException("no VmRSS line for process " + pid);
        } catch (NoSuchFileException gone) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Samples every 20 ms on a thread of its own until {@link #close}. */
    void startSampling() {
        sampling = true;
        sampler = new Thread(
                () -> {
                    while (sampling) {
                        peakKiB.accumulateAndGet(nowKiB(), Math::max);
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    long peakMiB() {
        peakKiB.accumulateAndGet(nowKiB(), Math::max);
        return peakKiB.get() / 1024;
    }

    /** After a full collection, once VmRSS has stopped falling (at most about five seconds). */
    Settled settled() {
        long live = liveHeapAfterFullGc();
        long last = nowMiB();
        for (int i = 0; i < 20; i++) {
            sleep(250);
            long now = nowMiB();
            if (Math.abs(now - last) <= 1) {
                return new Settled(now, live);
            }
            last = now;
        }
        return new Settled(last, live);
    }

    /** The "Total" line of a class histogram, which is taken after a full collection. */
    private long liveHeapAfterFullGc() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true)
                    .start();
            long total = -1;
            try (var lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("Total ")) {
                        String[] parts = line.trim().split("\\s+");
                        total = Long.parseLong(parts[2]);
                    }
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || total < 0) {
                p.destroyForcibly();
                throw new IllegalStateException("jcmd GC.class_histogram gave no total for process " + pid);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sampling = false;
        if (sampler != null) {
            sampler.interrupt();
        }
    }
}
