package ai.burncloud.router.translate.anthropic;

import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.ir.ClientStreamWriter;
import ai.burncloud.router.translate.ir.ErrorBodies;
import ai.burncloud.router.translate.ir.FinishReason;
import ai.burncloud.router.translate.ir.Ids;
import ai.burncloud.router.translate.ir.JsonOut;
import ai.burncloud.router.translate.ir.StreamEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;

/**
 * Writes neutral events as an Anthropic Messages stream for {@code /v1/messages} clients.
 *
 * <p>States: nothing sent → {@code message_start} sent (lazily, on the first content, so it can carry
 * the prompt tokens when the upstream reported them early) → one content block open at a time (text,
 * thinking or tool_use; a different kind of delta closes it and opens the next; a reasoning signature
 * closes its thinking block; redacted thinking is a block of its own) → finish held until
 * the upstream's end, because several upstreams (Bedrock, OpenAI with include_usage) report usage
 * only after the finish reason → {@code message_delta} (stop reason + final usage) and
 * {@code message_stop}.
 */
public final class AnthropicSseWriter implements ClientStreamWriter {
    private enum Block {
        NONE,
        TEXT,
        THINKING,
        REDACTED,
        TOOL
    }

    private final String requestedModel;
    private String id;
    private String model;
    private boolean started;
    private Block open = Block.NONE;
    private int openTool = -1;
    private int nextBlockIndex;
    private FinishReason finish;
    private boolean sawToolCall;
    private String stopSequence;
    private TokenUsage usage = TokenUsage.NONE;

    public AnthropicSseWriter(String requestedModel) {
        this.requestedModel = requestedModel;
    }

    @Override
    public String contentType() {
        return "text/event-stream";
    }

    @Override
    public void write(StreamEvent event, ByteBufAllocator alloc, List<ByteBuf> out) {
        if (event instanceof StreamEvent.Usage u) {
            usage = u.usage();
        } else if (event instanceof StreamEvent.Start s) {
            if (id == null) {
                id = s.id();
                model = s.model();
            }
        } else if (event instanceof StreamEvent.Failed f) {
            out.add(JsonOut.sseEvent(alloc, "error", ErrorBodies.anthropic(f.error())));
        } else if (event instanceof StreamEvent.Text t) {
            open(Block.TEXT, -1, null, null, alloc, out);
            delta("text_delta", "text", t.text(), alloc, out);
        } else if (event instanceof StreamEvent.Reasoning r) {
            open(Block.THINKING, -1, null, null, alloc, out);
            delta("thinking_delta", "thinking", r.text(), alloc, out);
        } else if (event instanceof StreamEvent.ReasoningSignature s) {
            // the signature closes the thinking block it signs (an upstream that signs sends it last)
            open(Block.THINKING, -1, null, null, alloc, out);
            delta("signature_delta", "signature", s.signature(), alloc, out);
            close(alloc, out);
        } else if (event instanceof StreamEvent.RedactedReasoning r) {
            open(Block.REDACTED, -1, r.data(), null, alloc, out);
            close(alloc, out);
        } else if (event instanceof StreamEvent.ToolStart t) {
            sawToolCall = true;
            open(Block.TOOL, t.index(), t.id(), t.name(), alloc, out);
        } else if (event instanceof StreamEvent.ToolArgs a) {
            if (open != Block.TOOL || openTool != a.index()) {
                throw new IllegalStateException(
                        "upstream interleaved the arguments of several tool calls, which an Anthropic stream cannot carry");
            }
            delta("input_json_delta", "partial_json", a.json(), alloc, out);
        } else if (event instanceof StreamEvent.Finish f) {
            finish = f.reason();
            stopSequence = f.stopSequence();
        } else if (event instanceof StreamEvent.End) {
            end(alloc, out);
        }
    }

    private void end(ByteBufAllocator alloc, List<ByteBuf> out) {
        start(alloc, out);
        close(alloc, out);
        ObjectNode ev = Json.object().put("type", "message_delta");
        ObjectNode delta = ev.putObject("delta");
        delta.put("stop_reason", AnthropicStopReasons.write(FinishReason.afterToolCalls(finish, sawToolCall)));
        if (stopSequence != null) {
            delta.put("stop_sequence", stopSequence);
        } else {
            delta.putNull("stop_sequence");
        }
        delta.putNull("stop_details");
        delta.putNull("container");
        ev.set("usage", AnthropicUsage.write(usage));
        out.add(JsonOut.sseEvent(alloc, "message_delta", ev));
        out.add(JsonOut.sseEvent(alloc, "message_stop", Json.object().put("type", "message_stop")));
    }

    private void start(ByteBufAllocator alloc, List<ByteBuf> out) {
        if (started) {
            return;
        }
        started = true;
        ObjectNode ev = Json.object().put("type", "message_start");
        ObjectNode message = ev.putObject("message");
        message.put("id", id != null ? id : Ids.random("msg_"));
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", model != null ? model : requestedModel);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.putNull("stop_details");
        message.putNull("container");
        // output so far is unknown: only the prompt side is meaningful here, the delta carries the rest
        ObjectNode u = AnthropicUsage.write(usage.withCompletion(0));
        message.set("usage", u);
        out.add(JsonOut.sseEvent(alloc, "message_start", ev));
    }

    private void open(
            Block kind, int tool, String idOrData, String toolName, ByteBufAllocator alloc, List<ByteBuf> out) {
        start(alloc, out);
        if (open == kind && kind != Block.TOOL && kind != Block.REDACTED) {
            return;
        }
        close(alloc, out);
        ObjectNode ev = Json.object().put("type", "content_block_start").put("index", nextBlockIndex);
        ObjectNode block = ev.putObject("content_block");
        switch (kind) {
            case TEXT -> {
                block.put("type", "text").put("text", "");
                block.putNull("citations");
            }
            case THINKING -> block.put("type", "thinking").put("thinking", "").put("signature", "");
            case REDACTED -> block.put("type", "redacted_thinking").put("data", idOrData);
            default -> {
                block.put("type", "tool_use");
                block.put("id", idOrData != null ? idOrData : Ids.random("toolu_"));
                block.put("name", toolName);
                block.putObject("input");
                block.putObject("caller").put("type", "direct");
            }
        }
        out.add(JsonOut.sseEvent(alloc, "content_block_start", ev));
        open = kind;
        openTool = tool;
    }

    private void close(ByteBufAllocator alloc, List<ByteBuf> out) {
        if (open == Block.NONE) {
            return;
        }
        ObjectNode ev = Json.object().put("type", "content_block_stop").put("index", nextBlockIndex);
        out.add(JsonOut.sseEvent(alloc, "content_block_stop", ev));
        nextBlockIndex++;
        open = Block.NONE;
        openTool = -1;
    }

    private void delta(String type, String field, String value, ByteBufAllocator alloc, List<ByteBuf> out) {
        ObjectNode ev = Json.object().put("type", "content_block_delta").put("index", nextBlockIndex);
        ev.putObject("delta").put("type", type).put(field, value);
        out.add(JsonOut.sseEvent(alloc, "content_block_delta", ev));
    }
}
