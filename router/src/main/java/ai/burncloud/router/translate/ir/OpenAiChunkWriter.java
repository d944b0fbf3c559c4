package ai.burncloud.router.translate.ir;

import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Clock;
import java.util.List;

/**
 * Writes neutral events as an OpenAI {@code chat.completion.chunk} stream: a role chunk first, one
 * chunk per text, reasoning or tool-call delta, one finish chunk, the usage chunk only when the
 * client asked for {@code stream_options.include_usage}, then {@code data: [DONE]}. An upstream
 * error becomes a {@code data: {"error":…}} event, which the OpenAI SDKs raise as an API error.
 */
public final class OpenAiChunkWriter implements ClientStreamWriter {
    private final String requestedModel;
    private final boolean includeUsage;
    private final long created;
    private String id;
    private String model;
    private boolean started;
    private boolean finishSent;
    private boolean sawToolCall;
    private TokenUsage usage = TokenUsage.NONE;

    public OpenAiChunkWriter(String requestedModel, boolean includeUsage, Clock clock) {
        this.requestedModel = requestedModel;
        this.includeUsage = includeUsage;
        this.created = clock.instant().getEpochSecond();
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
        if (event instanceof StreamEvent.Failed f) {
            out.add(JsonOut.sseData(alloc, ErrorBodies.openAi(f.error()), false));
            return;
        }
        if (event instanceof StreamEvent.Start s) {
            start(s.id(), s.model(), alloc, out);
            return;
        }
        start(null, null, alloc, out);
        if (event instanceof StreamEvent.Text t) {
            ObjectNode chunk = chunk();
            delta(chunk).put("content", t.text());
            out.add(JsonOut.sseData(alloc, chunk, false));
        } else if (event instanceof StreamEvent.Reasoning r) {
            ObjectNode chunk = chunk();
            delta(chunk).put("reasoning_content", r.text());
            out.add(JsonOut.sseData(alloc, chunk, false));
        } else if (event instanceof StreamEvent.ToolStart t) {
            sawToolCall = true;
            ObjectNode chunk = chunk();
            ObjectNode call = delta(chunk).putArray("tool_calls").addObject();
            call.put("index", t.index());
            call.put("id", t.id() != null ? t.id() : Ids.random("call_"));
            call.put("type", "function");
            ObjectNode fn = call.putObject("function");
            fn.put("name", t.name());
            fn.put("arguments", "");
            out.add(JsonOut.sseData(alloc, chunk, false));
        } else if (event instanceof StreamEvent.ToolArgs a) {
            ObjectNode chunk = chunk();
            ObjectNode call = delta(chunk).putArray("tool_calls").addObject();
            call.put("index", a.index());
            call.putObject("function").put("arguments", a.json());
            out.add(JsonOut.sseData(alloc, chunk, false));
        } else if (event instanceof StreamEvent.Finish f) {
            finish(f.reason(), alloc, out);
        } else if (event instanceof StreamEvent.End) {
            finish(FinishReason.STOP, alloc, out);
            if (includeUsage) {
                ObjectNode chunk = base();
                chunk.putArray("choices");
                chunk.set("usage", OpenAiUsage.write(usage));
                out.add(JsonOut.sseData(alloc, chunk, false));
            }
            out.add(JsonOut.ascii(alloc, "data: [DONE]\n\n"));
        }
    }

    private void start(String upstreamId, String upstreamModel, ByteBufAllocator alloc, List<ByteBuf> out) {
        if (started) {
            return;
        }
        started = true;
        id = upstreamId != null ? upstreamId : Ids.random("chatcmpl-");
        model = upstreamModel != null ? upstreamModel : requestedModel;
        ObjectNode chunk = chunk();
        ObjectNode delta = delta(chunk);
        delta.put("role", "assistant");
        delta.put("content", "");
        out.add(JsonOut.sseData(alloc, chunk, false));
    }

    private void finish(FinishReason reason, ByteBufAllocator alloc, List<ByteBuf> out) {
        if (finishSent) {
            return;
        }
        finishSent = true;
        ObjectNode chunk = chunk();
        ObjectNode choice = (ObjectNode) chunk.get("choices").get(0);
        choice.put(
                "finish_reason",
                FinishReason.afterToolCalls(reason, sawToolCall).openAi());
        out.add(JsonOut.sseData(alloc, chunk, false));
    }

    private ObjectNode base() {
        ObjectNode chunk = Json.object();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        return chunk;
    }

    private ObjectNode chunk() {
        ObjectNode chunk = base();
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        choice.putObject("delta");
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        return chunk;
    }

    private static ObjectNode delta(ObjectNode chunk) {
        return (ObjectNode) chunk.get("choices").get(0).get("delta");
    }
}
