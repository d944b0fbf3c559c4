package ai.burncloud.router;

/** The tokens a request counted in this router's tokens-per-minute window, corrected when it ends. */
record LocalTicket(MinuteTokens windows, long tokenId, long minute, long heldTokens) implements AdmissionTicket {
    @Override
    public void settled(long cost, long tokensUsed) {
        windows.correct(tokenId, minute, tokensUsed - heldTokens);
    }

    @Override
    public void abandoned() {
        windows.correct(tokenId, minute, -heldTokens);
    }
}
