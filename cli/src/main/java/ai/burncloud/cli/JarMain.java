package ai.burncloud.cli;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The jar's entry point ({@code java -jar burncloud.jar …}). A router started without any JVM option
 * would get the JVM's defaults — a heap sized from the machine's RAM, kept once touched — so it starts
 * itself again, once, with the launcher's options ({@link JvmRelaunch}); everything else goes straight
 * to {@link Main}. Kept free of picocli, logging and Netty so that the deciding JVM stays small.
 */
public final class JarMain {
    private JarMain() {}

    public static void main(String[] args) {
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        JvmRelaunch relaunch = JvmRelaunch.decide(args, System.getenv(), jvmArgs);
        if (relaunch != null) {
            int status = new ChildJvm(relaunch.command(), relaunch.environment()).run();
            if (relaunch.archive() != null) {
                relaunch.archive().keep(status);
            }
            System.exit(status);
        }
        Main.main(args);
    }
}
