package ai.burncloud.router.translate;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Independent readings of the recorded OpenAI-dialect streams, used as test oracles. */
public final class RecordedStreams {
    private RecordedStreams() {}

    /** The JSON of every {@code data:} line of an SSE fixture (skipping {@code [DONE]}). */
    public static List<JsonNode> openAiChunks(String fixture) {
        String text = new String(ConverterHarness.fixture(fixture), StandardCharsets.UTF_8);
        List<JsonNode> out = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                out.add(Json.parse(line.substring(6)));
            }
        }
        return out;
    }

    /** The concatenated {@code delta.content} of choice 0 in an OpenAI-dialect stream fixture. */
    public static String openAiText(String fixture) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : openAiChunks(fixture)) {
            JsonNode content = c.at("/choices/0/delta/content");
            if (content.isTextual()) {
                sb.append(content.asText());
            }
        }
        return sb.toString();
    }
}
