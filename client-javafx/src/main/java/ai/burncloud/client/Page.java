package ai.burncloud.client;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One page of the navigation rail. Its view is built on first show, not at start: the window opens
 * at once and a page the user never visits costs nothing.
 */
abstract class Page {
    private final String id;
    private final Ikon icon;
    private Node view;

    /** @param id stable: the rail button's CSS id is {@code nav-<id>}, the texts key {@code nav.<id>} */
    Page(String id, Ikon icon) {
        this.id = id;
        this.icon = icon;
    }

    final String id() {
        return id;
    }

    final Ikon icon() {
        return icon;
    }

    final Node view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    /** Builds the page's view, once. */
    abstract Node build();

    /** The page became visible: load or start following. */
    void shown() {}

    /** Another page took its place. */
    void hidden() {}

    /** The window closes or is rebuilt: stop every background activity. */
    void dispose() {}
}
