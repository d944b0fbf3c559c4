import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a JVMTI agent (async-profiler) into a running JVM: java bench/Attach.java PID LIBRARY OPTIONS.
 * jcmd's JVMTI.agent_load cannot pass async-profiler's "start,event=cpu,..." options (it parses the
 * "=" signs itself), so bench/run.sh uses this instead. Prints what the agent printed, if anything.
 */
public class Attach {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java Attach.java PID LIBRARY OPTIONS");
            System.exit(2);
        }
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
