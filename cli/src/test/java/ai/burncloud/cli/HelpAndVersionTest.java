package ai.burncloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** --help and --version work on every command, at every level, and exit 0. */
class HelpAndVersionTest extends CliTestBase {
    static Stream<String> commands() {
        CommandLine root = new CommandLine(new Main(null), new CommandFactory(null));
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        return paths.stream();
    }

    private static void collect(CommandLine cmd, String prefix, List<String> out) {
        out.add(prefix.strip());
        for (Map.Entry<String, CommandLine> sub : cmd.getSubcommands().entrySet()) {
            collect(sub.getValue(), prefix + " " + sub.getKey(), out);
        }
    }

    private String[] args(String path, String flag) {
        List<String> args = new ArrayList<>(path.isEmpty() ? List.of() : List.of(path.split(" ")));
        args.add(flag);
        return args.toArray(String[]::new);
    }

    @ParameterizedTest(name = "burncloud {0} --help")
    @MethodSource("commands")
    void helpIsPrintedToStdout(String path) {
        Cli.Result r = cli.run(args(path, "--help")).ok();
        assertThat(r.out()).startsWith("Usage: burncloud" + (path.isEmpty() ? "" : " " + path));
        assertThat(r.out()).contains("Exit codes: 0 ok, 1 operation failed");
    }

    @ParameterizedTest(name = "burncloud {0} --version")
    @MethodSource("commands")
    void versionIsPrintedToStdout(String path) {
        Cli.Result r = cli.run(args(path, "--version")).ok();
        assertThat(r.outLines().get(0)).isEqualTo("burncloud " + Version.current());
    }

    @ParameterizedTest(name = "burncloud {0}")
    @MethodSource("commands")
    void everyAdminCommandHasJsonOutput(String path) {
        if (path.split(" ").length == 2) {
            assertThat(cli.run(args(path, "--help")).ok().out()).contains("--json");
        }
    }
}
