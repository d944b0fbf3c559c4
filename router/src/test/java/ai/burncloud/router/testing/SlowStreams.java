package ai.burncloud.router.testing;

import java.nio.charset.StandardCharsets;

/**
 * OpenAI chat streams made to be served slowly by {@link FakeUpstream}: one content event per piece,
 * every event the same length, then a usage chunk and {@code [DONE]}, so a test knows how much text
 * went by after so many pieces.
 */
public final class SlowStreams {
    /** The text of every content event. */
    public static final String WORDS = "alpha beta gamma ";

    private static final String EVENT = "data: {\"id\":\"chatcmpl-slow\",\"object\":\"chat.completion.chunk\","
            + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + WORDS + "\"}}]}\n\n";

    private SlowStreams() {}

    /** {@code events} content events, then usage ({@code events * 3} completion tokens) and [DONE]. */
    public static byte[] openAi(int events) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < events; i++) {
            sb.append(EVENT);
        }
        sb.append("data: {\"id\":\"chatcmpl-slow\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":")
                .append(events * 3)
                .append(",\"total_tokens\":")
                .append(9 + events * 3)
                .append("}}\n\n")
                .append("data: [DONE]\n\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The size of one content event: serve the stream in pieces of this size to send one event each. */
    public static int eventBytes() {
        return EVENT.getBytes(StandardCharsets.UTF_8).length;
    }

    /** A streamed chat request for gpt-4o that asks for usage. */
    public static String request() {
        return "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Count slowly, please.\"}]}";
    }
}
