package ai.burncloud.client;

/** The server stopped or started answering. */
public record ServerEvent(boolean reachable, String detail) {
    public static ServerEvent lost(String detail) {
        return new ServerEvent(false, detail);
    }

    public static ServerEvent back() {
        return new ServerEvent(true, "");
    }
}
