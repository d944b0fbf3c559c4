package ai.burncloud.cli;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.ConfigLoader;
import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.common.Setting;
import ai.burncloud.database.Database;
import ai.burncloud.service.AuditTrail;
import ai.burncloud.service.ServiceException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
    /** Command-line flags (--database, --port, --host): they win over the environment and .env. */
    private final Map<String, String> flags = new HashMap<>();

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

    /** Sets a variable from a command-line flag: flags win over the environment and {@code .env}. */
    void flag(Setting setting, String value) {
        flags.put(setting.name(), value);
    }

    /** The raw variables: flags over the environment over {@code .env}. */
    public Map<String, String> settings() {
        Map<String, String> merged = ConfigLoader.merged(env, dotEnv);
        merged.putAll(flags);
        return merged;
    }

    /** Flags, environment, then {@code .env}, then defaults; throws ConfigException on a bad value. */
    public BurnCloudConfig config() {
        return ConfigLoader.fromMap(settings());
    }

    /**
     * Opens DATABASE_URL (migrating it), runs the work, closes the database. Admin commands never create
     * a database: a SQLite file that does not exist is an error naming the path that was looked at,
     * since a new empty file would only print keys that the running router rejects.
     */
    public <T> T withServices(Function<Services, T> work) {
        BurnCloudConfig config = config();
        DatabaseUrl url = config.databaseUrl();
        url.sqliteFile().filter(f -> !Files.exists(f)).ifPresent(f -> {
            throw new DatabaseMissingException(f);
        });
        try (Database db = Database.open(url)) {
            return work.apply(Services.over(db, config));
        }
    }

    /**
     * Like {@link #withServices}, and records the change in the audit log as {@code cli@HOST}: the
     * entity as it was before ({@code id} finds it; null for a create, whose id {@code createdId} takes
     * from the result) and after. Nothing is recorded when the work fails.
     */
    public <T> T changing(
            String entity,
            String action,
            Function<Services, String> id,
            Function<T, String> createdId,
            Function<Services, T> work) {
        return withServices(s -> {
            String knownId = id == null ? null : id.apply(s);
            JsonNode before = s.audit().snapshots().load(entity, knownId);
            T result = work.apply(s);
            String entityId = knownId != null ? knownId : createdId == null ? null : createdId.apply(result);
            JsonNode after =
                    action.equals("delete") ? null : s.audit().snapshots().load(entity, entityId);
            s.audit().record(AuditTrail.cliActor(), "cli", entity, entityId, action, before, after);
            return result;
        });
    }

    /** The first line of stdin, for {@code --password-stdin} (a trailing CR from Windows is dropped). */
    String passwordFromStdin() {
        return lineFromStdin("--password-stdin", "password");
    }

    /** The first line of stdin for {@code option}; {@code what} names the missing thing in the error. */
    String lineFromStdin(String option, String what) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw ServiceException.invalid(option + ": no " + what + " on standard input");
            }
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void routerStarted(BurnCloudApp app) {
        onRouterStarted.accept(app);
    }
}
