package ai.burncloud.client;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/** One page of the navigation rail. */
interface Page {
    /** Stable id: the rail button's CSS id is {@code nav-<id>}, the texts key {@code nav.<id>}. */
    String id();

    Ikon icon();

    Node view();

    /** The page became visible: load or start following. */
    default void shown() {}

    /** Another page took its place. */
    default void hidden() {}

    /** The window closes or is rebuilt: stop every background activity. */
    default void dispose() {}
}
