package ai.burncloud.client;

/** What every page is given: the API of the signed-in session, the window's bus, the language. */
record Context(Session session, EventBus bus, Texts texts) {
    ApiClient api() {
        return session.api();
    }
}
