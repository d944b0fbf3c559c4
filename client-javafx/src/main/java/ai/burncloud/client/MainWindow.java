package ai.burncloud.client;

import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.fluentui.FluentUiRegularAL;
import org.kordamp.ikonli.fluentui.FluentUiRegularMZ;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The signed-in window: the navigation rail on the left, the page in the middle, a banner when
 * the server is lost (retried every few seconds), and the status bar saying where we are connected
 * and, for an in-process gateway, the address tools should use.
 */
final class MainWindow {
    /** What the pages may ask of the window's owner. */
    interface Actions {
        void signOut();

        void language(String tag);

        void theme(ThemeChoice choice);

        ThemeChoice theme();
    }

    private static final Duration RETRY_EVERY = Duration.seconds(3);

    private final Context ctx;
    private final List<Page> pages;
    private final StackPane content = new StackPane();
    private final Label bannerText = new Label();
    private final HBox banner;
    private final Timeline retry;
    private final Runnable unsubscribe;
    private final List<ToggleButton> railButtons = new java.util.ArrayList<>();
    private Page current;

    MainWindow(Context ctx, Actions actions) {
        this.ctx = ctx;
        this.pages = List.of(
                new DashboardPage(ctx),
                new ChannelsPage(ctx),
                new TokensPage(ctx),
                new LogsPage(ctx),
                new PricesPage(ctx),
                new SettingsPage(ctx, actions));
        Button retryNow =
                new Button(ctx.texts().get("banner.retry"), new FontIcon(FluentUiRegularAL.ARROW_CLOCKWISE_20));
        retryNow.setId("banner-retry");
        retryNow.setOnAction(e -> probe());
        bannerText.setId("banner-text");
        bannerText.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        banner = new HBox(10, new FontIcon(FluentUiRegularMZ.WARNING_20), bannerText, spacer, retryNow);
        banner.setId("banner");
        banner.getStyleClass().add("banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setVisible(false);
        banner.setManaged(false);
        retry = new Timeline(new KeyFrame(RETRY_EVERY, e -> probe()));
        retry.setCycleCount(Timeline.INDEFINITE);
        unsubscribe = ctx.bus().subscribe(ServerEvent.class, this::serverEvent);
    }

    Parent view() {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("main");
        root.setLeft(rail());
        VBox center = new VBox(banner, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        content.getStyleClass().add("content");
        root.setCenter(center);
        root.setBottom(statusBar());
        // Ctrl+1 … Ctrl+6 (Cmd on macOS) open the pages in rail order
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode().isDigitKey()) {
                int i = e.getCode().getCode() - KeyCode.DIGIT1.getCode();
                if (i >= 0 && i < pages.size()) {
                    railButtons.get(i).setSelected(true);
                    select(pages.get(i));
                    e.consume();
                }
            }
        });
        return root;
    }

    void start() {
        select(pages.get(0));
    }

    private VBox rail() {
        Label brand = new Label("BurnCloud", new FontIcon(FluentUiRegularAL.FLASH_ON_24));
        brand.getStyleClass().add("brand");
        VBox rail = new VBox(4, brand);
        rail.getStyleClass().add("rail");
        ToggleGroup group = new ToggleGroup();
        for (Page page : pages) {
            ToggleButton b = new ToggleButton(ctx.texts().get("nav." + page.id()), new FontIcon(page.icon()));
            b.setId("nav-" + page.id());
            b.setToggleGroup(group);
            b.getStyleClass().add("rail-item");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setTooltip(new Tooltip(ctx.texts().get("nav." + page.id())));
            b.setOnAction(e -> select(page));
            railButtons.add(b);
            if (page == pages.get(0)) {
                b.setSelected(true);
            }
            rail.getChildren().add(b);
        }
        // a selected rail item stays selected when clicked again
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
        return rail;
    }

    private HBox statusBar() {
        Session s = ctx.session();
        String text = s.local()
                .map(g -> ctx.texts().format("status.inProcess", g.baseUrl(), g.baseUrl() + "/v1"))
                .orElseGet(() -> ctx.texts().format("status.remote", s.api().server(), s.username()));
        Label where = new Label(
                text, new FontIcon(s.inProcess() ? FluentUiRegularAL.FLASH_ON_20 : FluentUiRegularAL.GLOBE_20));
        where.setId("status-text");
        HBox bar = new HBox(where);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void select(Page page) {
        if (current == page) {
            return;
        }
        if (current != null) {
            current.hidden();
        }
        current = page;
        content.getChildren().setAll(page.view());
        page.shown();
    }

    private void serverEvent(ServerEvent e) {
        if (e.reachable()) {
            banner.setVisible(false);
            banner.setManaged(false);
            retry.stop();
            if (current != null) {
                current.shown();
            }
        } else {
            bannerText.setText(ctx.texts().format("banner.lost", e.detail()));
            banner.setVisible(true);
            banner.setManaged(true);
            retry.play();
        }
    }

    private void probe() {
        ctx.api().get("/api/status").thenRun(() -> ctx.bus().publish(ServerEvent.back()));
    }

    void dispose() {
        unsubscribe.run();
        retry.stop();
        pages.forEach(Page::dispose);
    }
}
