package ai.burncloud.router.translate.ir;

import ai.burncloud.router.codec.SseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an OpenAI-dialect chat stream (OpenAI, Azure, Qwen/DashScope and compatible hosts) into
 * neutral events. Flavours handled: Azure's first chunk with {@code choices: []}, an empty id and
 * {@code prompt_filter_results} (neither an error nor the end); DashScope's {@code "usage": null} on
 * every chunk until a final {@code choices: []} chunk that carries the usage; {@code data: [DONE]}.
 */
public final class OpenAiSseReader extends SseUpstreamReader {
    private final Map<Integer, Integer> toolIndexByUpstreamIndex = new HashMap<>();
    private boolean started;

    @Override
    protected void onEvent(SseEvent event, List<StreamEvent> out) {
        String data = event.data();
        if (data == null) {
            return;
        }
        if (data.strip().equals("[DONE]")) {
            out.add(new StreamEvent.End());
            return;
        }
        JsonNode chunk = Jsons.parseOrNull(data);
        if (chunk == null || !chunk.isObject()) {
            out.add(new StreamEvent.Failed(ErrorInfo.upstream(
                    502, "upstream_protocol_error", "upstream sent a stream chunk that is not JSON")));
            return;
        }
        if (Jsons.field(chunk, "error") != null) {
            out.add(new StreamEvent.Failed(OpenAiCompletions.readError(chunk)));
            return;
        }
        JsonNode choices = Jsons.field(chunk, "choices");
        boolean hasChoices = choices != null && choices.isArray() && !choices.isEmpty();
        String id = OpenAiCompletions.blankToNull(Jsons.text(chunk, "id"));
        if (!started && (id != null || hasChoices)) {
            started = true;
            out.add(new StreamEvent.Start(id, OpenAiCompletions.blankToNull(Jsons.text(chunk, "model"))));
        }
        JsonNode usage = Jsons.field(chunk, "usage");
        if (usage != null && usage.isObject()) {
            out.add(new StreamEvent.Usage(OpenAiUsage.read(usage)));
        }
        if (hasChoices) {
            for (JsonNode choice : choices) {
                if (choice.path("index").asInt(0) == 0) {
                    onChoice(choice, out);
                }
            }
        }
    }

    private void onChoice(JsonNode choice, List<StreamEvent> out) {
        JsonNode delta = Jsons.field(choice, "delta");
        if (delta != null) {
            String reasoning = OpenAiCompletions.reasoningOf(delta);
            if (reasoning != null && !reasoning.isEmpty()) {
                out.add(new StreamEvent.Reasoning(reasoning));
            }
            String content = OpenAiCompletions.contentText(Jsons.field(delta, "content"));
            if (content != null && !content.isEmpty()) {
                out.add(new StreamEvent.Text(content));
            }
            String refusal = Jsons.text(delta, "refusal");
            if (refusal != null && !refusal.isEmpty()) {
                out.add(new StreamEvent.Text(refusal));
            }
            JsonNode calls = Jsons.field(delta, "tool_calls");
            if (calls != null && calls.isArray()) {
                int position = 0;
                for (JsonNode call : calls) {
                    onToolCallDelta(call, position++, out);
                }
            }
        }
        String finish = Jsons.text(choice, "finish_reason");
        if (finish != null) {
            out.add(new StreamEvent.Finish(FinishReason.fromOpenAi(finish), null));
        }
    }

    private void onToolCallDelta(JsonNode call, int position, List<StreamEvent> out) {
        // hosts that omit "index" send one call per delta, in order
        int upstreamIndex = call.path("index").asInt(position);
        JsonNode fn = call.path("function");
        Integer index = toolIndexByUpstreamIndex.get(upstreamIndex);
        if (index == null) {
            index = toolIndexByUpstreamIndex.size();
            toolIndexByUpstreamIndex.put(upstreamIndex, index);
            out.add(new StreamEvent.ToolStart(index, Jsons.text(call, "id"), Jsons.text(fn, "name")));
        }
        String args = Jsons.text(fn, "arguments");
        if (args != null && !args.isEmpty()) {
            out.add(new StreamEvent.ToolArgs(index, args));
        }
    }
}
