package ai.burncloud.router.translate.gemini;

/** What a Gemini client's query string says about the answer's framing. */
public final class GeminiQuery {
    private GeminiQuery() {}

    /** Whether the client asked for server-sent events ({@code alt=sse}) rather than a JSON array. */
    public static boolean wantsSse(String rawQuery) {
        if (rawQuery == null) {
            return false;
        }
        for (String param : rawQuery.split("&")) {
            if (param.equals("alt=sse")) {
                return true;
            }
        }
        return false;
    }
}
