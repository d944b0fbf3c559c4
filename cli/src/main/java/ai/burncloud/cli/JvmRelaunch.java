package ai.burncloud.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether {@code java -jar burncloud.jar router} should run the router in a child JVM with the
 * launcher's options, and that child's command line. Only a router started with no JVM option at all
 * is relaunched: any option (or JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS, _JAVA_OPTIONS) is the operator's
 * choice and is kept; {@code BURNCLOUD_RELAUNCH=0} turns the relaunch off. The options are the
 * {@code default_opts} of the {@code burncloud} script (a test keeps the two equal), see
 * docs/OPERATIONS.md.
 */
record JvmRelaunch(List<String> command, Map<String, String> environment, CdsArchive archive) {
    /** Set in the child: its parent's pid, so that it stops when the parent is killed. */
    static final String PARENT_PID = "BURNCLOUD_PARENT_PID";

    static final String OPT_OUT = "BURNCLOUD_RELAUNCH";

    /** {@code BURNCLOUD_CDS=0}: the child neither maps nor writes a class-data archive. */
    static final String NO_CDS = "BURNCLOUD_CDS";

    private static final Set<String> JVM_OPTION_VARIABLES =
            Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
    /** Global options of {@link Main} that take a value, so the value is not read as the subcommand. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--database");

    /** The relaunch to run, or null when this JVM should run the command itself. */
    static JvmRelaunch decide(String[] args, Map<String, String> env, List<String> jvmArgs) {
        if ("0".equals(env.get(OPT_OUT)) || !jvmArgs.isEmpty() || env.containsKey(PARENT_PID)) {
            return null;
        }
        for (String v : JVM_OPTION_VARIABLES) {
            String value = env.get(v);
            if (value != null && !value.isBlank()) {
                return null;
            }
        }
        if (!runsRouter(args, env)) {
            return null;
        }
        Path jar = ownJar();
        if (jar == null) {
            return null; // not started from a jar (an IDE, a test): nothing to relaunch
        }
        return of(Path.of(System.getProperty("java.home"), "bin", "java"), jar, args, env);
    }

    /** The child: the same java, the launcher's options, the same jar and arguments. */
    static JvmRelaunch of(Path java, Path jar, String[] args, Map<String, String> env) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.addAll(launcherOptions());
        if (supports("TrimNativeHeapInterval")) {
            // hands memory that glibc keeps after the JIT and native libraries freed it back to the
            // system every 5 s (JDK 17.0.9+, 21.0.1+); without it the router's RSS only ever grows
            cmd.add("-XX:TrimNativeHeapInterval=5000");
        }
        CdsArchive archive = "0".equals(env.get(NO_CDS)) ? null : CdsArchive.forJar(jar, env);
        if (archive != null) {
            cmd.addAll(archive.options());
        }
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(Arrays.asList(args));
        Map<String, String> childEnv = new HashMap<>();
        childEnv.put(PARENT_PID, Long.toString(ProcessHandle.current().pid()));
        if (!env.containsKey("MALLOC_ARENA_MAX")) {
            childEnv.put("MALLOC_ARENA_MAX", "2"); // fewer glibc arenas, as the launcher script sets
        }
        return new JvmRelaunch(List.copyOf(cmd), Map.copyOf(childEnv), archive);
    }

    /** Whether this JVM (the same java the child runs) knows a product flag. */
    static boolean supports(String flag) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(flag);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** The {@code burncloud} script's default_opts, shipped as a resource of this class. */
    static List<String> launcherOptions() {
        try (InputStream in = JvmRelaunch.class.getResourceAsStream("jvm.options")) {
            if (in == null) {
                throw new IllegalStateException("jvm.options is missing from the jar");
            }
            List<String> opts = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    opts.addAll(Arrays.asList(l.split("\\s+")));
                }
            }
            return opts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code router}, or no subcommand on a machine without a display (which runs the router too). */
    static boolean runsRouter(String[] args, Map<String, String> env) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (OPTIONS_WITH_VALUE.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                return a.equals("router");
            }
        }
        return System.getProperty("os.name", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("linux")
                && !LaunchMode.hasDisplay(env, "linux", true);
    }

    private static Path ownJar() {
        try {
            var source = JarMain.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return p.getFileName().toString().endsWith(".jar") ? p : null;
        } catch (java.net.URISyntaxException | SecurityException e) {
            return null;
        }
    }
}
