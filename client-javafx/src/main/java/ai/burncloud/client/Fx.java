package ai.burncloud.client;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;

/** Posts the outcome of background work to the FX thread. */
final class Fx {
    private Fx() {}

    static <T> void then(CompletableFuture<T> work, Consumer<? super T> onOk, Consumer<String> onError) {
        work.whenComplete((value, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                onError.accept(ApiException.describe(failure));
            } else {
                onOk.accept(value);
            }
        }));
    }
}
