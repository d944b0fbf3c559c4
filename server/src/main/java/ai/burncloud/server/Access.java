package ai.burncloud.server;

/** Who may call an endpoint. */
enum Access {
    /** Anyone, without credentials. */
    PUBLIC,
    /** Any logged-in user. */
    USER,
    /** Administrators and root. */
    ADMIN,
    /** Root only. */
    ROOT
}
