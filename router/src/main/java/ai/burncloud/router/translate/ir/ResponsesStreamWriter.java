package ai.burncloud.router.translate.ir;

import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.CompletionTextSink;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes neutral events as a Responses API stream ({@code event: <type>} + {@code data:}, each
 * with a rising {@code sequence_number}), as the official SDKs and Codex read it:
 * {@code response.created} and {@code response.in_progress} first; text as a message item
 * ({@code output_item.added}, {@code content_part.added}, {@code output_text.delta}s, then
 * {@code output_text.done}, {@code content_part.done}, {@code output_item.done}); each tool call
 * as a {@code function_call} item with {@code function_call_arguments.delta}s and {@code .done};
 * finally {@code response.completed} (or {@code response.incomplete}) carrying every output item
 * and the usage that is billed. An upstream error after the start becomes {@code response.failed}.
 *
 * <p>Text opens a message item and closes any open function calls; a tool call closes the open
 * message item. Function calls stay open until something else starts, so arguments that arrive
 * interleaved (parallel calls from OpenAI-style hosts) still reach the right item. Reasoning events
 * are not shown (see {@link ResponsesCompletions}).
 *
 * <p>Unlike the chat writers this one keeps the answer's text and arguments: the protocol repeats
 * them whole in the {@code .done} events and in {@code response.completed}.
 */
public final class ResponsesStreamWriter implements ClientStreamWriter {
    private final ResponsesEnvelope envelope;
    private final CompletionTextSink estimates;
    private final List<ObjectNode> output = new ArrayList<>();
    /** Open function-call items by tool index, in the order they started. */
    private final Map<Integer, ToolItem> openTools = new TreeMap<>();

    private final Map<Integer, ToolItem> tools = new TreeMap<>();
    private long sequence;
    private boolean started;
    private String model;
    private TextItem text;
    private FinishReason finish;
    private TokenUsage usage = TokenUsage.NONE;

    /**
     * @param estimates the gateway's own count, shown for any usage field the upstream never reported
     *     (the numbers the request is then billed with)
     */
    public ResponsesStreamWriter(ResponsesEnvelope envelope, CompletionTextSink estimates) {
        this.envelope = envelope;
        this.estimates = estimates;
    }

    @Override
    public String contentType() {
        return "text/event-stream";
    }

    @Override
    public void write(StreamEvent event, ByteBufAllocator alloc, List<ByteBuf> out) {
        if (event instanceof StreamEvent.Usage u) {
            usage = u.usage();
            return;
        }
        if (event instanceof StreamEvent.Finish f) {
            finish = f.reason();
            return;
        }
        if (event instanceof StreamEvent.Start s) {
            start(s.model(), alloc, out);
            return;
        }
        start(null, alloc, out);
        if (event instanceof StreamEvent.Text t) {
            text(t.text(), alloc, out);
        } else if (event instanceof StreamEvent.ToolStart t) {
            toolStart(t, alloc, out);
        } else if (event instanceof StreamEvent.ToolArgs a) {
            toolArgs(a, alloc, out);
        } else if (event instanceof StreamEvent.Failed f) {
            failed(f.error(), alloc, out);
        } else if (event instanceof StreamEvent.End) {
            end(alloc, out);
        }
    }

    private void start(String upstreamModel, ByteBufAllocator alloc, List<ByteBuf> out) {
        if (started) {
            return;
        }
        started = true;
        model = upstreamModel;
        emit("response.created", withResponse(envelope.response(model, "in_progress")), alloc, out);
        emit("response.in_progress", withResponse(envelope.response(model, "in_progress")), alloc, out);
    }

    private void text(String delta, ByteBufAllocator alloc, List<ByteBuf> out) {
        closeTools(alloc, out);
        if (text == null) {
            text = new TextItem(Ids.random("msg_"), output.size());
            output.add(null); // the finished item takes this place
            ObjectNode added = Json.object();
            added.put("output_index", text.outputIndex);
            added.set("item", ResponsesEnvelope.messageItem(text.id, "in_progress", null));
            emit("response.output_item.added", added, alloc, out);
            ObjectNode part = textEvent();
            part.set("part", emptyPart());
            emit("response.content_part.added", part, alloc, out);
        }
        text.text.append(delta);
        ObjectNode e = textEvent();
        e.put("delta", delta);
        e.putArray("logprobs");
        emit("response.output_text.delta", e, alloc, out);
    }

    private void closeText(ByteBufAllocator alloc, List<ByteBuf> out) {
        if (text == null) {
            return;
        }
        String full = text.text.toString();
        ObjectNode done = textEvent();
        done.put("text", full);
        done.putArray("logprobs");
        emit("response.output_text.done", done, alloc, out);
        ObjectNode part = textEvent();
        part.set("part", ResponsesEnvelope.outputText(full));
        emit("response.content_part.done", part, alloc, out);
        ObjectNode item = ResponsesEnvelope.messageItem(text.id, "completed", full);
        output.set(text.outputIndex, item);
        emitItemDone(text.outputIndex, item, alloc, out);
        text = null;
    }

    private void toolStart(StreamEvent.ToolStart t, ByteBufAllocator alloc, List<ByteBuf> out) {
        closeText(alloc, out);
        ToolItem tool =
                new ToolItem(Ids.random("fc_"), output.size(), t.id() != null ? t.id() : Ids.random("call_"), t.name());
        output.add(null);
        tools.put(t.index(), tool);
        openTools.put(t.index(), tool);
        ObjectNode added = Json.object();
        added.put("output_index", tool.outputIndex);
        added.set("item", envelope.functionCallItem(tool.id, "in_progress", tool.callId, tool.name, ""));
        emit("response.output_item.added", added, alloc, out);
    }

    private void toolArgs(StreamEvent.ToolArgs a, ByteBufAllocator alloc, List<ByteBuf> out) {
        ToolItem tool = openTools.get(a.index());
        if (tool == null) {
            throw new IllegalStateException(
                    tools.containsKey(a.index())
                            ? "arguments for tool call " + a.index() + " arrived after it ended"
                            : "arguments for tool call " + a.index() + " before it started");
        }
        tool.arguments.append(a.json());
        ObjectNode e = Json.object();
        e.put("item_id", tool.id);
        e.put("output_index", tool.outputIndex);
        e.put("delta", a.json());
        emit("response.function_call_arguments.delta", e, alloc, out);
    }

    private void closeTools(ByteBufAllocator alloc, List<ByteBuf> out) {
        for (ToolItem tool : openTools.values()) {
            String args = tool.arguments.length() == 0 ? "{}" : tool.arguments.toString();
            ObjectNode done = Json.object();
            done.put("item_id", tool.id);
            done.put("name", envelope.clientName(tool.name));
            done.put("output_index", tool.outputIndex);
            done.put("arguments", args);
            emit("response.function_call_arguments.done", done, alloc, out);
            ObjectNode item = envelope.functionCallItem(tool.id, "completed", tool.callId, tool.name, args);
            output.set(tool.outputIndex, item);
            emitItemDone(tool.outputIndex, item, alloc, out);
        }
        openTools.clear();
    }

    private void end(ByteBufAllocator alloc, List<ByteBuf> out) {
        closeText(alloc, out);
        closeTools(alloc, out);
        ObjectNode response = finalResponse("completed");
        FinishReason reason =
                FinishReason.afterToolCalls(finish != null ? finish : FinishReason.STOP, !tools.isEmpty());
        ResponsesEnvelope.finish(response, reason, billed());
        String type =
                "incomplete".equals(response.get("status").asText()) ? "response.incomplete" : "response.completed";
        emit(type, withResponse(response), alloc, out);
    }

    /** The usage as it will be billed: what the upstream reported, the gateway's count where it said nothing. */
    private TokenUsage billed() {
        if (usage.prompt() != TokenUsage.UNREPORTED && usage.completion() != TokenUsage.UNREPORTED) {
            return usage;
        }
        TokenUsage own = estimates.estimate();
        TokenUsage shown = usage;
        if (shown.prompt() == TokenUsage.UNREPORTED) {
            shown = shown.withPrompt(own.prompt());
        }
        if (shown.completion() == TokenUsage.UNREPORTED) {
            shown = shown.withCompletion(own.completion());
        }
        return shown;
    }

    /** The stream ends here: the output so far, status {@code failed}, and the error. */
    private void failed(ErrorInfo error, ByteBufAllocator alloc, List<ByteBuf> out) {
        ObjectNode response = finalResponse("failed");
        ObjectNode err = response.putObject("error");
        String code = error.code() != null ? error.code() : error.openAiType();
        err.put("code", code != null ? code : "server_error");
        err.put("message", error.message());
        response.set("usage", ResponsesEnvelope.usage(usage));
        emit("response.failed", withResponse(response), alloc, out);
    }

    private ObjectNode finalResponse(String status) {
        ObjectNode response = envelope.response(model, status);
        ArrayNode items = (ArrayNode) response.get("output");
        for (ObjectNode item : output) {
            if (item != null) {
                items.add(item);
            }
        }
        return response;
    }

    private void emitItemDone(int outputIndex, ObjectNode item, ByteBufAllocator alloc, List<ByteBuf> out) {
        ObjectNode done = Json.object();
        done.put("output_index", outputIndex);
        done.set("item", item.deepCopy());
        emit("response.output_item.done", done, alloc, out);
    }

    private ObjectNode textEvent() {
        ObjectNode e = Json.object();
        e.put("item_id", text.id);
        e.put("output_index", text.outputIndex);
        e.put("content_index", 0);
        return e;
    }

    private static ObjectNode emptyPart() {
        return ResponsesEnvelope.outputText("");
    }

    private static ObjectNode withResponse(ObjectNode response) {
        ObjectNode e = Json.object();
        e.set("response", response);
        return e;
    }

    /** Frames {@code fields} as one event: {@code type} first, then the fields, then the sequence number. */
    private void emit(String type, ObjectNode fields, ByteBufAllocator alloc, List<ByteBuf> out) {
        ObjectNode e = Json.object();
        e.put("type", type);
        e.setAll(fields);
        e.put("sequence_number", sequence++);
        out.add(JsonOut.sseEvent(alloc, type, e));
    }

    private static final class TextItem {
        final String id;
        final int outputIndex;
        final StringBuilder text = new StringBuilder();

        TextItem(String id, int outputIndex) {
            this.id = id;
            this.outputIndex = outputIndex;
        }
    }

    private static final class ToolItem {
        final String id;
        final int outputIndex;
        final String callId;
        final String name;
        final StringBuilder arguments = new StringBuilder();

        ToolItem(String id, int outputIndex, String callId, String name) {
            this.id = id;
            this.outputIndex = outputIndex;
            this.callId = callId;
            this.name = name;
        }
    }
}
