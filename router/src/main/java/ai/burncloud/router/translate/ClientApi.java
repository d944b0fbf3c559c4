package ai.burncloud.router.translate;

/** The API dialect a client speaks, decided by the front door (path) it called. */
public enum ClientApi {
    OPENAI,
    ANTHROPIC,
    GEMINI
}
