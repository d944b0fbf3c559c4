package ai.burncloud.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The relaunched router's class-data-sharing archive (AppCDS): the classes a router loads, parsed and
 * verified once and mapped from a file at the next start, which roughly halves the JVM's start-up
 * work. The first relaunched run writes it when it exits ({@code -XX:ArchiveClassesAtExit}, JDK 13+)
 * to a temporary name, which {@link #keep} renames once that run ended well; every later run maps it.
 *
 * <p>An archive belongs to one jar and one JVM build: its name carries both (the jar's size and
 * modification time, the JVM's version), so a rebuilt jar or an upgraded JDK simply writes a new one
 * and the old ones are deleted. Nothing here may stop the router from starting: when no folder is
 * writable, or the JVM rejects the archive, the router starts without it, silently.
 */
final class CdsArchive {
    /** JVM logging for CDS off: a missing or rejected archive is not the operator's problem. */
    private static final List<String> QUIET = List.of("-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private final Path archive;
    private final Path pending;

    private CdsArchive(Path archive, Path pending) {
        this.archive = archive;
        this.pending = pending;
    }

    /** The archive for {@code jar} in the first writable folder (beside the jar, else the user's cache). */
    static CdsArchive forJar(Path jar, Map<String, String> env) {
        String name = name(jar);
        if (name == null) {
            return null;
        }
        for (Path dir : folders(jar, env)) {
            if (dir != null && Files.isDirectory(dir) && Files.isWritable(dir)) {
                return new CdsArchive(
                        dir.resolve(name),
                        dir.resolve(name + ".tmp-" + ProcessHandle.current().pid()));
            }
            if (dir != null && !Files.exists(dir) && dir.getParent() != null && Files.isWritable(dir.getParent())) {
                try {
                    Files.createDirectories(dir);
                    return new CdsArchive(
                            dir.resolve(name),
                            dir.resolve(name + ".tmp-" + ProcessHandle.current().pid()));
                } catch (IOException e) {
                    // try the next folder
                }
            }
        }
        return null;
    }

    /** JVM options: map the archive when it exists, else write it when the child exits. */
    List<String> options() {
        List<String> opts = new ArrayList<>(QUIET);
        if (Files.isRegularFile(archive)) {
            opts.add("-XX:SharedArchiveFile=" + archive);
        } else {
            opts.add("-XX:ArchiveClassesAtExit=" + pending);
        }
        return opts;
    }

    /** After the child exited: a freshly written archive replaces older ones, else it is dropped. */
    void keep(int exitStatus) {
        try {
            deleteAbandoned();
            if (!Files.isRegularFile(pending)) {
                return;
            }
            if (exitStatus != 0 || Files.size(pending) == 0) {
                Files.deleteIfExists(pending);
                return;
            }
            Files.move(pending, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            deleteOthers();
        } catch (IOException | RuntimeException e) {
            // the next run will try again
        }
    }

    Path path() {
        return archive;
    }

    private void deleteOthers() throws IOException {
        String own = archive.getFileName().toString();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(archive.getParent(), "burncloud-*.jsa")) {
            for (Path p : all) {
                if (!p.getFileName().toString().equals(own)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Half-written archives of runs that were killed before they could rename theirs (kill -9). */
    private void deleteAbandoned() throws IOException {
        try (DirectoryStream<Path> all = Files.newDirectoryStream(archive.getParent(), "burncloud-*.jsa.tmp-*")) {
            for (Path p : all) {
                String name = p.getFileName().toString();
                long pid = parsePid(name.substring(name.lastIndexOf('-') + 1));
                if (!p.equals(pending) && (pid < 0 || ProcessHandle.of(pid).isEmpty())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static long parsePid(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<Path> folders(Path jar, Map<String, String> env) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(jar.toAbsolutePath().getParent());
        String xdg = env.get("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        if (xdg != null && !xdg.isBlank()) {
            dirs.add(Path.of(xdg, "burncloud"));
        } else if (home != null && !home.isBlank() && !home.equals("?")) {
            dirs.add(Path.of(home, ".cache", "burncloud"));
        }
        return dirs;
    }

    /** burncloud-<jar size>-<jar mtime>-<jvm version>.jsa, or null when the jar cannot be read. */
    static String name(Path jar) {
        try {
            long size = Files.size(jar);
            long mtime = Files.getLastModifiedTime(jar).toMillis();
            String vm = (System.getProperty("java.vm.version", "unknown") + "-" + System.getProperty("os.arch", ""))
                    .replaceAll("[^A-Za-z0-9._-]", "_")
                    .toLowerCase(Locale.ROOT);
            return "burncloud-" + size + "-" + mtime + "-" + vm + ".jsa";
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
