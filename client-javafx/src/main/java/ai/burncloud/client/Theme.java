package ai.burncloud.client;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.text.Font;

/**
 * The look: AtlantaFX Primer (light or dark) with a small Fluent override (accent #0f6cbd, 4 px
 * radii, soft card elevation) and the system's UI font.
 */
final class Theme {
    static final String FLUENT_CSS = "fluent.css";
    private static final List<String> UI_FONTS = List.of(
            "Segoe UI Variable Text", "Segoe UI", "SF Pro Text", "Cantarell", "Inter", "Noto Sans", "DejaVu Sans");

    private Theme() {}

    static void apply(Scene scene, boolean dark) {
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        String css = Objects.requireNonNull(Theme.class.getResource(FLUENT_CSS)).toExternalForm();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
        scene.getRoot().getStyleClass().removeAll("light", "dark");
        scene.getRoot().getStyleClass().add(dark ? "dark" : "light");
        scene.getRoot().setStyle("-fx-font-family: \"" + uiFont() + "\";");
    }

    /** The first of the platforms' UI fonts that is installed. */
    static String uiFont() {
        Set<String> installed = Set.copyOf(Font.getFamilies());
        return UI_FONTS.stream()
                .filter(installed::contains)
                .findFirst()
                .orElse(Font.getDefault().getFamily());
    }
}
