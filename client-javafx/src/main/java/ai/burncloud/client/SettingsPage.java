package ai.burncloud.client;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.fluentui.FluentUiRegularAL;
import org.kordamp.ikonli.fluentui.FluentUiRegularMZ;
import org.kordamp.ikonli.javafx.FontIcon;

/** Theme (system, light, dark), language (English, 中文) and the server we are connected to. */
final class SettingsPage extends Page {
    private final Context ctx;
    private final MainWindow.Actions actions;

    SettingsPage(Context ctx, MainWindow.Actions actions) {
        super("settings", FluentUiRegularMZ.SETTINGS_20);
        this.ctx = ctx;
        this.actions = actions;
    }

    @Override
    Node build() {
        Texts t = ctx.texts();
        ToggleGroup themes = new ToggleGroup();
        HBox themeRow = new HBox(16);
        for (ThemeChoice choice : ThemeChoice.values()) {
            String id = choice.name().toLowerCase(Locale.ROOT);
            RadioButton b = new RadioButton(t.get("settings.theme." + id));
            b.setId("theme-" + id);
            b.setToggleGroup(themes);
            b.setSelected(choice == actions.theme());
            b.setOnAction(e -> actions.theme(choice));
            themeRow.getChildren().add(b);
        }
        ToggleGroup languages = new ToggleGroup();
        HBox languageRow = new HBox(16);
        for (Locale l : Texts.LANGUAGES) {
            RadioButton b = new RadioButton(l.getLanguage().equals("zh") ? "中文" : "English");
            b.setId("language-" + l.getLanguage());
            b.setToggleGroup(languages);
            b.setSelected(l.getLanguage().equals(t.locale().getLanguage()));
            b.setOnAction(e -> actions.language(l.toLanguageTag()));
            languageRow.getChildren().add(b);
        }
        Session s = ctx.session();
        Label server = new Label(s.api().server());
        server.setId("settings-server");
        server.getStyleClass().add(Styles.TEXT_BOLD);
        Label how = new Label(
                s.inProcess()
                        ? t.format("settings.server.inProcess", s.api().server() + "/v1")
                        : t.format("settings.server.remote", s.username()));
        how.setWrapText(true);
        how.getStyleClass().add(Styles.TEXT_MUTED);
        VBox serverBox = new VBox(6, server, how);
        if (!s.inProcess()) {
            Button signOut = new Button(t.get("settings.signOut"), new FontIcon(FluentUiRegularMZ.SIGN_OUT_20));
            signOut.setId("sign-out");
            signOut.setOnAction(e -> actions.signOut());
            serverBox.getChildren().add(signOut);
        }
        VBox page = new VBox(
                16,
                PageHeader.of(t.get("nav.settings"), t.get("settings.subtitle")),
                section(FluentUiRegularAL.DARK_THEME_24, t.get("settings.theme"), themeRow),
                section(FluentUiRegularAL.LOCAL_LANGUAGE_20, t.get("settings.language"), languageRow),
                section(FluentUiRegularAL.GLOBE_20, t.get("settings.server"), serverBox));
        page.getStyleClass().add("page");
        return page;
    }

    private static Node section(Ikon icon, String title, Node body) {
        Label heading = new Label(title, new FontIcon(icon));
        heading.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(10, heading, body);
        box.getStyleClass().add("card");
        box.setMaxWidth(640);
        return box;
    }
}
