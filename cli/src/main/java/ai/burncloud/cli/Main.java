package ai.burncloud.cli;

import ai.burncloud.common.Setting;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code burncloud}: the one entry point of the jar. Without a subcommand it opens the desktop
 * client when a display is available and runs the router otherwise.
 *
 * <p>Exit codes: 0 ok, 1 the operation failed (not found, conflict), 2 usage or configuration
 * error. Errors are one line on stderr; {@code --verbose} adds the stack trace.
 */
@Command(
        name = "burncloud",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "BurnCloud LLM API gateway: run the router or the desktop client, manage the database.",
        subcommands = {
            RouterCommand.class,
            ClientCommand.class,
            PriceCommand.class,
            ChannelCommand.class,
            TokenCommand.class,
            UserCommand.class,
            SecretsCommand.class,
            AuditCommand.class,
            ConfigCommand.class
        },
        footer = {"", "Exit codes: 0 ok, 1 operation failed (e.g. not found), 2 usage or configuration error."})
public final class Main implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error, not just its message.")
    boolean verbose;

    /** Every command takes {@code --database}; it wins over DATABASE_URL and {@code .env}. */
    @Option(
            names = "--database",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            description = "Database to use (sqlite:FILE or postgres://…); wins over DATABASE_URL and .env.")
    void database(String url) {
        ctx.flag(Setting.DATABASE_URL, url);
    }

    Main(CliContext ctx) {
        this.ctx = ctx;
    }

    public static void main(String[] args) {
        System.exit(run(CliContext.system(), args));
    }

    /** Runs one command line and returns its exit code; never calls System.exit. */
    public static int run(CliContext ctx, String... args) {
        Logging.quiet();
        ErrorReporter errors = new ErrorReporter(ctx.err(), List.of(args).contains("--verbose"));
        CommandLine cmd = new CommandLine(new Main(ctx), new CommandFactory(ctx));
        cmd.setOut(ctx.out());
        cmd.setErr(ctx.err());
        cmd.setParameterExceptionHandler((ex, argv) -> errors.usage(ex.getMessage() + " (see '"
                + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')"));
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> errors.report(ex));
        try {
            return cmd.execute(args);
        } finally {
            ctx.out().flush();
            ctx.err().flush();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (LaunchMode.hasDisplay(ctx.env())) {
            return new ClientCommand(ctx).call();
        }
        return new RouterCommand(ctx).call();
    }
}
