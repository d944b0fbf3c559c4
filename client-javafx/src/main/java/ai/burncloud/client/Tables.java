package ai.burncloud.client;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small helpers the pages' tables share. */
final class Tables {
    private Tables() {}

    static <R> TableView<R> table(String id, String emptyText) {
        TableView<R> t = new TableView<>();
        t.setId(id);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        t.setPlaceholder(new Label(emptyText));
        return t;
    }

    static <R, V> TableColumn<R, V> column(String title, Function<R, V> value, double width) {
        TableColumn<R, V> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A column drawing a node per row (badges, buttons). */
    static <R> TableColumn<R, R> nodes(String title, Function<R, Node> node, double width) {
        TableColumn<R, R> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(R item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty || item == null ? null : node.apply(item));
                setText(null);
            }
        });
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    static Label badge(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("badge", style);
        return l;
    }

    static Button iconButton(String id, Ikon icon, String tooltip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        return b;
    }
}
