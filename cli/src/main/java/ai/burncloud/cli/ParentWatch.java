package ai.burncloud.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A relaunched router ({@link JvmRelaunch}) stops gracefully when the process that started it is gone:
 * a supervisor that kills the parent with SIGKILL must not leave an orphan holding the port.
 */
final class ParentWatch {
    private static final Logger log = LoggerFactory.getLogger(ParentWatch.class);

    private ParentWatch() {}

    static void stopWhenGone(String parentPid, Runnable stop) {
        if (parentPid == null) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(parentPid.strip());
        } catch (NumberFormatException e) {
            return;
        }
        var parent = ProcessHandle.of(pid);
        if (parent.isEmpty()) {
            log.warn("the launching process {} is already gone: stopping", pid);
            stop.run();
            return;
        }
        parent.get().onExit().thenRun(() -> {
            log.warn("the launching process {} is gone: stopping", pid);
            stop.run();
        });
    }
}
