package ai.burncloud.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's life: decide where to connect (--server, else this machine, else a gateway started
 * in-process), sign in, show the pages, and on close stop an in-process gateway gracefully. Every
 * network call and the gateway's start and stop run off the FX thread.
 */
public final class DesktopClient {
    private static final Logger log = LoggerFactory.getLogger(DesktopClient.class);
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 640;
    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;

    private final Stage stage;
    private final LaunchOptions options;
    private final ClientSettings settings;
    private final boolean systemDark;
    private final Runnable onClosed;
    private final EventBus bus = new EventBus();
    private final HttpClient http;
    private final ExecutorService background;
    private final Scene scene;
    private Texts texts;
    private MainWindow main;
    private Session session;

    public DesktopClient(Stage stage, LaunchOptions options, boolean systemDark, Runnable onClosed) {
        this.stage = stage;
        this.options = options;
        this.settings = ClientSettings.load(options.configDir());
        this.systemDark = systemDark;
        this.onClosed = onClosed;
        this.background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "burncloud-client");
            t.setDaemon(true);
            return t;
        });
        // HTTP/1.1: an HTTP/2 client would offer "Upgrade: h2c" on every request, which the gateway ignores
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(background)
                .build();
        this.texts = Texts.forTag(settings.language().orElse(null));
        this.scene = new Scene(
                new Splash(texts.get("splash.connecting")).view(),
                Math.max(MIN_WIDTH, settings.width(DEFAULT_WIDTH)),
                Math.max(MIN_HEIGHT, settings.height(DEFAULT_HEIGHT)));
    }

    /** Shows the window and starts connecting. */
    public void open() {
        Theme.apply(scene, settings.theme().dark(systemDark));
        stage.setTitle("BurnCloud");
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            e.consume();
            close();
        });
        stage.show();
        connect();
    }

    private void connect() {
        if (options.server().isPresent()) {
            signInTo(options.server().get());
            return;
        }
        String local = options.localUrl();
        CompletableFuture.supplyAsync(() -> answers(local), background)
                .thenAccept(answers -> Platform.runLater(() -> {
                    if (answers) {
                        signInTo(local);
                    } else {
                        startInProcess();
                    }
                }));
    }

    /** Whether anything answers HTTP at the address (any status: a gateway is there). */
    private boolean answers(String server) {
        try {
            HttpRequest probe = HttpRequest.newBuilder(URI.create(server + "/health"))
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build();
            http.send(probe, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private void startInProcess() {
        setRoot(new Splash(texts.get("splash.starting")).view());
        CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return options.starter().start();
                            } catch (Exception e) {
                                throw new IllegalStateException(e.getMessage(), e);
                            }
                        },
                        background)
                .whenComplete((gateway, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        log.error("the in-process gateway did not start", failure);
                        setRoot(new Splash(texts.format("splash.startFailed", ApiException.describe(failure))).view());
                        return;
                    }
                    if (stage.isShowing()) {
                        ApiClient api = new ApiClient(http, gateway.baseUrl(), gateway.accessToken(), bus);
                        showMain(new Session(api, "root", Optional.of(gateway)));
                    } else {
                        background.execute(gateway::close);
                    }
                }));
    }

    /** The environment's token, else the remembered one for this server, else the form. */
    private void signInTo(String server) {
        Optional<String> token = options.environmentToken()
                .or(() -> settings.server().filter(server::equals).flatMap(s -> settings.accessToken()));
        if (token.isEmpty()) {
            showSignIn(server, null);
            return;
        }
        ApiClient api = new ApiClient(http, server, token.get(), bus);
        Fx.then(
                api.get("/api/me"),
                me -> showMain(new Session(api, me.path("username").asText(), Optional.empty())),
                error -> showSignIn(server, error));
    }

    private void showSignIn(String server, String error) {
        String suggested = options.server().orElse(settings.server().orElse(server));
        SignInModel model = new SignInModel(http, suggested);
        SignInView view = new SignInView(model, texts);
        if (error != null) {
            model.showError(error);
        }
        model.onSignedIn((api, me) -> {
            settings.signedIn(api.server(), api.token());
            showMain(new Session(new ApiClient(http, api.server(), api.token(), bus), me, Optional.empty()));
        });
        setRoot(view.view());
    }

    private void showMain(Session session) {
        this.session = session;
        if (main != null) {
            main.dispose();
        }
        main = new MainWindow(new Context(session, bus, texts), new MainWindow.Actions() {
            @Override
            public void signOut() {
                DesktopClient.this.signOut();
            }

            @Override
            public void language(String tag) {
                settings.language(tag);
                texts = Texts.forTag(tag);
                showMain(DesktopClient.this.session);
            }

            @Override
            public void theme(ThemeChoice choice) {
                settings.theme(choice);
                Theme.apply(scene, choice.dark(systemDark));
            }

            @Override
            public ThemeChoice theme() {
                return settings.theme();
            }
        });
        setRoot(main.view());
        main.start();
    }

    private void signOut() {
        Session s = session;
        if (s == null || s.inProcess()) {
            return;
        }
        s.api().post("/api/auth/logout", null).exceptionally(e -> null);
        settings.signedOut();
        main.dispose();
        main = null;
        session = null;
        showSignIn(s.api().server(), null);
    }

    private void setRoot(Parent root) {
        boolean dark = scene.getRoot().getStyleClass().contains("dark");
        scene.setRoot(root);
        Theme.apply(scene, dark);
    }

    /** Closes the window; an in-process gateway is stopped gracefully before {@code onClosed}. */
    public void close() {
        if (stage.isShowing()) {
            settings.windowSize(stage.getWidth(), stage.getHeight());
        }
        if (main != null) {
            main.dispose();
        }
        stage.hide();
        Optional<LocalGateway> local = session == null ? Optional.empty() : session.local();
        background.execute(() -> {
            local.ifPresent(g -> {
                log.info("stopping the in-process gateway (requests in flight settle first)");
                g.close();
            });
            background.shutdown();
            onClosed.run();
        });
    }

    /** For tests: the current session's API, once signed in. */
    Optional<ApiClient> api() {
        return Optional.ofNullable(session).map(Session::api);
    }
}
