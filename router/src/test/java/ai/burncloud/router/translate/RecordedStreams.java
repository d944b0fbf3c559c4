package ai.burncloud.router.translate;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Independent readings of streamed answers, used as test oracles: of the recorded OpenAI-dialect
 * fixtures, and of the chunks a converter wrote for a client.
 */
public final class RecordedStreams {
    private RecordedStreams() {}

    /** The JSON of every {@code data:} line of an SSE fixture (skipping {@code [DONE]}). */
    public static List<JsonNode> openAiChunks(String fixture) {
        String text = ConverterHarness.fixtureText(fixture);
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
        return openAiContent(openAiChunks(fixture));
    }

    /** The concatenated {@code delta.content} of choice 0 in OpenAI chunks. */
    public static String openAiContent(List<JsonNode> chunks) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : chunks) {
            JsonNode content = c.at("/choices/0/delta/content");
            if (content.isTextual()) {
                sb.append(content.asText());
            }
        }
        return sb.toString();
    }

    /** The {@code finish_reason}s of choice 0 in OpenAI chunks, in order. */
    public static List<String> openAiFinishReasons(List<JsonNode> chunks) {
        return chunks.stream()
                .map(c -> c.at("/choices/0/finish_reason"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .toList();
    }

    /** The concatenated text parts of candidate 0 in Gemini chunks (an SSE stream or a JSON array). */
    public static String geminiText(Iterable<JsonNode> chunks) {
        StringBuilder sb = new StringBuilder();
        chunks.forEach(c -> c.at("/candidates/0/content/parts")
                .forEach(p -> sb.append(p.path("text").asText())));
        return sb.toString();
    }
}
