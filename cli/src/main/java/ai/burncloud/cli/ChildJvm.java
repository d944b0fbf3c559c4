package ai.burncloud.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import sun.misc.Signal;

/**
 * Runs the relaunched router and stands in for it: the child shares this process's stdin, stdout and
 * stderr; SIGTERM and SIGINT are passed on to it; this process exits with the child's status (so
 * SIGTERM still ends in 0, Ctrl-C in 130). If this process dies anyway (kill -9), the child notices
 * through {@link JvmRelaunch#PARENT_PID} and stops gracefully.
 */
final class ChildJvm {
    private final List<String> command;
    private final Map<String, String> environment;

    ChildJvm(List<String> command, Map<String, String> environment) {
        this.command = command;
        this.environment = environment;
    }

    /** Starts the child and waits for it; returns its exit status (2 when it could not start). */
    int run() {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().putAll(environment);
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            System.err.println("burncloud: error: cannot start " + command.get(0) + ": " + e.getMessage());
            return ExitCode.USAGE;
        }
        forward("TERM", child::destroy);
        // Ctrl-C reaches the child by itself (same process group); a SIGINT sent to this process alone
        // is passed on so that the child stops the same way (status 130)
        forward("INT", () -> interrupt(child));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), "burncloud-child-stop"));
        shrinkSelf();
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // only the child's end ends this process
            }
        }
    }

    /**
     * From here on this JVM only waits: give back the heap the start touched (the JVM's default heap
     * would otherwise stay as large as it grew), so that the waiting parent costs as little as it can.
     */
    private static void shrinkSelf() {
        try {
            var hotspot = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            hotspot.setVMOption("MinHeapFreeRatio", "0");
            hotspot.setVMOption("MaxHeapFreeRatio", "10");
        } catch (RuntimeException notManageable) {
            // another JVM: the collection below still frees what it can
        }
        System.gc();
    }

    private static void forward(String signal, Runnable action) {
        try {
            Signal.handle(new Signal(signal), s -> action.run());
        } catch (IllegalArgumentException unsupported) {
            // no such signal here: the JVM's own handling stays, the shutdown hook stops the child
        }
    }

    private static void interrupt(Process child) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(child.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException | InterruptedException e) {
            child.destroy();
        }
    }

    /** This process is exiting on its own (SIGHUP, an error): the child goes with it, gracefully. */
    private static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
