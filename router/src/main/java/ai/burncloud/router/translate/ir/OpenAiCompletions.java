package ai.burncloud.router.translate.ir;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** OpenAI's non-streamed {@code chat.completion} body, read into and written from a {@link Completion}. */
public final class OpenAiCompletions {
    private OpenAiCompletions() {}

    /** Reads an upstream's {@code chat.completion} (OpenAI, Azure, Qwen and compatible hosts). */
    public static Completion read(JsonNode body) throws UpstreamBodyException {
        if (Jsons.field(body, "error") != null) {
            throw new UpstreamBodyException(readError(body));
        }
        JsonNode choices = Jsons.field(body, "choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw UpstreamBodyException.unreadable("upstream chat.completion has no choices");
        }
        JsonNode choice = choices.get(0);
        JsonNode message = Jsons.field(choice, "message");
        List<Completion.Part> parts = new ArrayList<>();
        String reasoning = reasoningOf(message);
        if (reasoning != null && !reasoning.isEmpty()) {
            parts.add(new Completion.Reasoning(reasoning));
        }
        String content = contentText(Jsons.field(message, "content"));
        if (content != null && !content.isEmpty()) {
            parts.add(new Completion.Text(content));
        }
        String refusal = Jsons.text(message, "refusal");
        if (refusal != null && !refusal.isEmpty()) {
            parts.add(new Completion.Text(refusal));
        }
        JsonNode calls = Jsons.field(message, "tool_calls");
        if (calls != null && calls.isArray()) {
            for (JsonNode call : calls) {
                JsonNode fn = call.path("function");
                String args = Jsons.text(fn, "arguments");
                parts.add(new Completion.ToolCall(
                        Jsons.text(call, "id"), Jsons.text(fn, "name"), args == null || args.isEmpty() ? "{}" : args));
            }
        }
        return new Completion(
                blankToNull(Jsons.text(body, "id")),
                blankToNull(Jsons.text(body, "model")),
                parts,
                FinishReason.fromOpenAi(Jsons.text(choice, "finish_reason")),
                null,
                OpenAiUsage.read(Jsons.field(body, "usage")));
    }

    /** Writes a {@code chat.completion} for an OpenAI client. */
    public static ObjectNode write(Completion c, String fallbackModel, Clock clock) {
        ObjectNode root = Json.object();
        root.put("id", c.id() != null ? c.id() : Ids.random("chatcmpl-"));
        root.put("object", "chat.completion");
        root.put("created", clock.instant().getEpochSecond());
        root.put("model", c.model() != null ? c.model() : fallbackModel);
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        String text = c.text();
        List<Completion.ToolCall> calls = c.toolCalls();
        if (text.isEmpty() && !calls.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", text);
        }
        StringBuilder reasoning = new StringBuilder();
        for (Completion.Part p : c.parts()) {
            if (p instanceof Completion.Reasoning r) {
                reasoning.append(r.text());
            }
        }
        if (reasoning.length() > 0) {
            message.put("reasoning_content", reasoning.toString());
        }
        if (!calls.isEmpty()) {
            ArrayNode arr = message.putArray("tool_calls");
            for (Completion.ToolCall call : calls) {
                ObjectNode tc = arr.addObject();
                tc.put("id", call.id() != null ? call.id() : Ids.random("call_"));
                tc.put("type", "function");
                ObjectNode fn = tc.putObject("function");
                fn.put("name", call.name());
                fn.put("arguments", call.argumentsJson());
            }
        }
        choice.putNull("logprobs");
        FinishReason finish =
                FinishReason.afterToolCalls(c.finish() != null ? c.finish() : FinishReason.STOP, !calls.isEmpty());
        choice.put("finish_reason", finish.openAi());
        root.set("usage", OpenAiUsage.write(c.usage()));
        return root;
    }

    static ErrorInfo readError(JsonNode body) {
        JsonNode err = body.get("error");
        String message = Jsons.text(err, "message");
        String code = Jsons.text(err, "code") != null ? Jsons.text(err, "code") : Jsons.text(err, "type");
        int status = (int) Jsons.number(err, "status", Jsons.number(err, "code", 502));
        if (status < 400 || status > 599) {
            status = 502;
        }
        return ErrorInfo.upstream(status, code, message != null ? message : "upstream reported an error");
    }

    /** DeepSeek and Qwen name it {@code reasoning_content}; some hosts {@code reasoning}. */
    static String reasoningOf(JsonNode messageOrDelta) {
        String r = Jsons.text(messageOrDelta, "reasoning_content");
        return r != null ? r : Jsons.text(messageOrDelta, "reasoning");
    }

    /** {@code content} as a string, or the texts of a parts array joined (some hosts answer in parts). */
    static String contentText(JsonNode content) {
        if (content == null) {
            return null;
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : content) {
                String t = Jsons.text(part, "text");
                if (t != null) {
                    sb.append(t);
                }
            }
            return sb.toString();
        }
        return null;
    }

    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
