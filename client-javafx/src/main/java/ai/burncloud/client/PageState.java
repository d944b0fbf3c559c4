package ai.burncloud.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A page's work in progress, the last outcome in words, and the last error in words. */
final class PageState {
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    void say(String text) {
        message.set(text);
        error.set("");
    }

    void fail(String text) {
        error.set(text);
    }

    /** Runs a call; its answer goes to {@code onOk} on the FX thread, a failure into {@link #error()}. */
    void run(CompletableFuture<JsonNode> call, Consumer<JsonNode> onOk) {
        busy.set(true);
        error.set("");
        Fx.then(
                call,
                v -> {
                    busy.set(false);
                    onOk.accept(v);
                },
                e -> {
                    busy.set(false);
                    error.set(e);
                });
    }
}
