package ai.burncloud.server;

import ai.burncloud.database.User;
import ai.burncloud.service.ConsoleCaller;
import ai.burncloud.service.ConsoleLogin;
import ai.burncloud.service.JsonViews;
import ai.burncloud.service.ServiceException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/** Login, logout, registration and the caller's own account ({@code /api/auth/*}, {@code /api/me}). */
final class AuthApi {
    private final ApiServices s;
    private final Blocking blocking;

    AuthApi(ApiServices s, Blocking blocking) {
        this.s = s;
        this.blocking = blocking;
    }

    void register(ApiRoutes r) {
        r.post("/api/auth/login", Access.PUBLIC, this::login);
        r.post("/api/auth/logout", Access.USER, this::logout);
        r.post("/api/auth/register", Access.PUBLIC, this::signUp);
        r.get("/api/me", Access.USER, this::me);
        r.patch("/api/me", Access.USER, this::changePassword);
    }

    private void login(RoutingContext ctx) {
        JsonBody b = JsonBody.of(ctx);
        String username = b.requiredString("username");
        String password = b.requiredString("password");
        String ip = Authenticator.clientIp(ctx);
        blocking.run(ctx, () -> loggedIn(s.sessions().login(username, password, ip)), (c, answer) -> {
            setCookie(c, answer.secret());
            Replies.ok(c, answer.body());
        });
    }

    private void signUp(RoutingContext ctx) {
        JsonBody b = JsonBody.of(ctx);
        String username = b.requiredString("username");
        String password = b.requiredString("password");
        String invite = b.string("invite_code");
        String ip = Authenticator.clientIp(ctx);
        blocking.run(
                ctx,
                () -> {
                    s.signupThrottle().attempt(ip, "");
                    User user = s.registration().register(username, password, invite);
                    return loggedIn(s.sessions().open(user));
                },
                (c, answer) -> {
                    setCookie(c, answer.secret());
                    Replies.created(c, answer.body());
                });
    }

    /** A login's answer body and the secret that also goes into the cookie. */
    private record Answer(String secret, ObjectNode body) {}

    private Answer loggedIn(ConsoleLogin login) {
        ObjectNode body = JsonViews.object();
        body.put("access_token", login.secret());
        body.put("token_type", "Bearer");
        body.put("expires_at", login.session().expiresAt());
        body.put("csrf_token", login.session().csrfToken());
        body.set("user", me(login.user()));
        return new Answer(login.secret(), body);
    }

    private void setCookie(RoutingContext ctx, String secret) {
        ctx.response()
                .addCookie(Cookie.cookie(Authenticator.COOKIE, secret)
                        .setPath("/")
                        .setHttpOnly(true)
                        .setSameSite(CookieSameSite.LAX)
                        .setSecure(Authenticator.secure(ctx))
                        .setMaxAge(s.sessions().ttl().toSeconds()));
    }

    private void logout(RoutingContext ctx) {
        ConsoleCaller caller = Authenticator.caller(ctx);
        blocking.run(
                ctx,
                () -> {
                    s.sessions().logout(caller);
                    return true;
                },
                (c, x) -> {
                    c.response()
                            .addCookie(Cookie.cookie(Authenticator.COOKIE, "")
                                    .setPath("/")
                                    .setHttpOnly(true)
                                    .setSameSite(CookieSameSite.LAX)
                                    .setSecure(Authenticator.secure(c))
                                    .setMaxAge(0));
                    Replies.noContent(c);
                });
    }

    private void me(RoutingContext ctx) {
        ConsoleCaller caller = Authenticator.caller(ctx);
        boolean cookie = Authenticator.viaCookie(ctx);
        blocking.json(ctx, () -> {
            ObjectNode n = me(caller.user());
            if (cookie) {
                n.put("csrf_token", caller.session().csrfToken());
            }
            return n;
        });
    }

    private ObjectNode me(User user) {
        ObjectNode n = UserView.json(user);
        n.put("invite_code", s.registration().inviteCode(user));
        return n;
    }

    private void changePassword(RoutingContext ctx) {
        ConsoleCaller caller = Authenticator.caller(ctx);
        JsonBody b = JsonBody.of(ctx);
        String current = b.requiredString("current_password");
        String password = b.requiredString("password");
        blocking.run(
                ctx,
                () -> {
                    if (!s.hasher().matches(current, caller.user().passwordHash())) {
                        throw ServiceException.forbidden("current_password is wrong");
                    }
                    s.users().setPassword(caller.id(), password);
                    return true;
                },
                (c, x) -> Replies.noContent(c));
    }
}
