package ai.burncloud.router.translate.gemini;

import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.ir.ClientStreamWriter;
import ai.burncloud.router.translate.ir.Completion;
import ai.burncloud.router.translate.ir.ErrorBodies;
import ai.burncloud.router.translate.ir.FinishReason;
import ai.burncloud.router.translate.ir.Ids;
import ai.burncloud.router.translate.ir.JsonOut;
import ai.burncloud.router.translate.ir.StreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes neutral events as a Gemini {@code streamGenerateContent} answer: server-sent events
 * ({@code ?alt=sse}, CRLF-framed like Gemini's own) or, without {@code alt=sse}, the progressively
 * written JSON array Gemini's REST streaming returns.
 *
 * <p>States: text and thought deltas go out as they come, one chunk each; a tool call is held until
 * its arguments are complete (Gemini sends each {@code functionCall} whole), i.e. until the next
 * different event; the finish reason waits for the upstream's end, and the last chunk carries it
 * with the final {@code usageMetadata}.
 */
public final class GeminiStreamWriter implements ClientStreamWriter {
    private final String requestedModel;
    private final boolean sse;
    private String responseId;
    private String model;
    private boolean wroteChunk;
    private TokenUsage usage = TokenUsage.NONE;
    private FinishReason finish;
    private boolean malformedCall;
    private PendingCall pending;

    private static final class PendingCall {
        final int index;
        final String id;
        final String name;
        final StringBuilder args = new StringBuilder();

        PendingCall(int index, String id, String name) {
            this.index = index;
            this.id = id;
            this.name = name;
        }
    }

    public GeminiStreamWriter(String requestedModel, boolean sse) {
        this.requestedModel = requestedModel;
        this.sse = sse;
    }

    @Override
    public String contentType() {
        return sse ? "text/event-stream" : "application/json";
    }

    @Override
    public void write(StreamEvent event, ByteBufAllocator alloc, List<ByteBuf> out) {
        if (event instanceof StreamEvent.Usage u) {
            usage = u.usage();
            return;
        }
        if (event instanceof StreamEvent.Start s) {
            if (responseId == null) {
                responseId = s.id();
                model = s.model();
            }
            return;
        }
        if (event instanceof StreamEvent.ToolArgs a && pending != null && pending.index == a.index()) {
            pending.args.append(a.json());
            return;
        }
        flushCall(alloc, out);
        if (event instanceof StreamEvent.Text t) {
            emit(new Completion.Text(t.text()), null, alloc, out);
        } else if (event instanceof StreamEvent.Reasoning r) {
            emit(new Completion.Reasoning(r.text()), null, alloc, out);
        } else if (event instanceof StreamEvent.ToolStart t) {
            pending = new PendingCall(t.index(), t.id(), t.name());
        } else if (event instanceof StreamEvent.Finish f) {
            finish = f.reason();
        } else if (event instanceof StreamEvent.End) {
            String reason = malformedCall ? GeminiCompletions.MALFORMED_CALL : GeminiFinishReasons.write(finish);
            emit(new Completion.Text(""), reason, alloc, out);
            if (!sse) {
                out.add(JsonOut.ascii(alloc, "]"));
            }
        } else if (event instanceof StreamEvent.Failed f) {
            ObjectNode error = ErrorBodies.gemini(f.error());
            out.add(frame(error, alloc));
            if (!sse) {
                out.add(JsonOut.ascii(alloc, "]"));
            }
        } else if (event instanceof StreamEvent.ToolArgs) {
            throw new IllegalStateException("tool-call arguments arrived for a call that is not the latest");
        }
    }

    private void flushCall(ByteBufAllocator alloc, List<ByteBuf> out) {
        if (pending == null) {
            return;
        }
        PendingCall call = pending;
        pending = null;
        String args = call.args.length() == 0 ? "{}" : call.args.toString();
        ArrayNode probe = Json.mapper().createArrayNode();
        Completion.ToolCall part = new Completion.ToolCall(call.id, call.name, args);
        if (!GeminiCompletions.appendPart(part, probe)) {
            malformedCall = true; // reported as Gemini's MALFORMED_FUNCTION_CALL at the end
            return;
        }
        emit(part, null, alloc, out);
    }

    private void emit(Completion.Part part, String finishReason, ByteBufAllocator alloc, List<ByteBuf> out) {
        ObjectNode chunk = Json.object();
        ObjectNode candidate = chunk.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        GeminiCompletions.appendPart(part, content.putArray("parts"));
        content.put("role", "model");
        if (finishReason != null) {
            candidate.put("finishReason", finishReason);
        }
        candidate.put("index", 0);
        if (finishReason != null) {
            chunk.set("usageMetadata", GeminiUsage.write(usage));
        }
        chunk.put("modelVersion", model != null ? model : requestedModel);
        if (responseId == null) {
            responseId = Ids.random("resp_");
        }
        chunk.put("responseId", responseId);
        out.add(frame(chunk, alloc));
    }

    private ByteBuf frame(JsonNode json, ByteBufAllocator alloc) {
        if (sse) {
            return JsonOut.sseData(alloc, json, true);
        }
        ByteBuf buf = alloc.buffer(256);
        buf.writeCharSequence(wroteChunk ? ",\r\n" : "[", StandardCharsets.US_ASCII);
        wroteChunk = true;
        return JsonOut.writeJson(buf, json);
    }
}
