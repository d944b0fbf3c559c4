package ai.burncloud.client;

import java.net.http.HttpClient;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in form: server, username and password in; an access token out. The password is
 * cleared once used and never stored.
 */
final class SignInModel {
    private final HttpClient http;
    private final StringProperty server = new SimpleStringProperty();
    private final StringProperty username = new SimpleStringProperty("root");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanProperty canSubmit = new SimpleBooleanProperty();
    private BiConsumer<ApiClient, String> onSignedIn = (api, user) -> {};

    SignInModel(HttpClient http, String server) {
        this.http = http;
        this.server.set(server);
        canSubmit.bind(busy.not()
                .and(this.server.isNotEmpty())
                .and(username.isNotEmpty())
                .and(password.isNotEmpty()));
    }

    StringProperty server() {
        return server;
    }

    StringProperty username() {
        return username;
    }

    StringProperty password() {
        return password;
    }

    ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canSubmit() {
        return BooleanProperty.readOnlyBooleanProperty(canSubmit);
    }

    void onSignedIn(BiConsumer<ApiClient, String> handler) {
        this.onSignedIn = handler;
    }

    void showError(String message) {
        error.set(message);
    }

    void submit() {
        if (!canSubmit.get()) {
            return;
        }
        String url = ServerAddress.normalize(server.get());
        server.set(url);
        busy.set(true);
        error.set("");
        String secret = password.get();
        password.set("");
        Fx.then(
                ApiClient.login(http, url, username.get().strip(), secret),
                answer -> {
                    busy.set(false);
                    String token = answer.path("access_token").asText("");
                    String user = answer.path("user").path("username").asText(username.get());
                    onSignedIn.accept(new ApiClient(http, url, token, new EventBus()), user);
                },
                message -> {
                    busy.set(false);
                    error.set(message);
                });
    }
}
