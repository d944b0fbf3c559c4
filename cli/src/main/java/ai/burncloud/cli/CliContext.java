package ai.burncloud.cli;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.ConfigLoader;
import ai.burncloud.database.Database;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything a command may touch of the outside world: its streams, its environment and where the
 * {@code .env} file is. Tests pass their own, so no command reads process state directly.
 */
public final class CliContext {
    private final PrintWriter out;
    private final PrintWriter err;
    private final InputStream in;
    private final Map<String, String> env;
    private final Path dotEnv;
    private final Consumer<BurnCloudApp> onRouterStarted;

    public CliContext(
            PrintWriter out,
            PrintWriter err,
            InputStream in,
            Map<String, String> env,
            Path dotEnv,
            Consumer<BurnCloudApp> onRouterStarted) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = Map.copyOf(env);
        this.dotEnv = dotEnv;
        this.onRouterStarted = onRouterStarted;
    }

    /** The real process: stdout, stderr, stdin, the environment and {@code ./.env}. */
    public static CliContext system() {
        Charset charset = Charset.defaultCharset();
        return new CliContext(
                new PrintWriter(new OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new OutputStreamWriter(System.err, charset), true),
                System.in,
                System.getenv(),
                Path.of(".env"),
                app -> {});
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public InputStream in() {
        return in;
    }

    public Map<String, String> env() {
        return env;
    }

    /** The raw variables: environment over {@code .env}. */
    public Map<String, String> settings() {
        return ConfigLoader.merged(env, dotEnv);
    }

    /** Environment, then {@code .env}, then defaults; throws ConfigException on a bad value. */
    public BurnCloudConfig config() {
        return ConfigLoader.load(env, dotEnv);
    }

    /** Opens DATABASE_URL (creating the schema on first use), runs the work, closes the database. */
    public <T> T withServices(Function<Services, T> work) {
        try (Database db = Database.open(config().databaseUrl())) {
            return work.apply(Services.over(db));
        }
    }

    void routerStarted(BurnCloudApp app) {
        onRouterStarted.accept(app);
    }
}
