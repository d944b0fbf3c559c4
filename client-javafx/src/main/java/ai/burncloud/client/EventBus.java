package ai.burncloud.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Tells the pages what happened elsewhere (the server was lost or came back, the language changed).
 * One per window, handed to whoever needs it: never a singleton. Handlers run on the FX thread.
 */
public final class EventBus {
    private record Subscription<T>(Class<T> type, Consumer<? super T> handler) {
        void offer(Object event) {
            if (type.isInstance(event)) {
                handler.accept(type.cast(event));
            }
        }
    }

    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();

    /** @return cancels the subscription */
    public <T> Runnable subscribe(Class<T> type, Consumer<? super T> handler) {
        Subscription<T> s = new Subscription<>(type, handler);
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    /** May be called from any thread; delivered on the FX thread. */
    public void publish(Object event) {
        if (Platform.isFxApplicationThread()) {
            subscriptions.forEach(s -> s.offer(event));
        } else {
            Platform.runLater(() -> subscriptions.forEach(s -> s.offer(event)));
        }
    }
}
