package ai.burncloud.router.translate.gemini;

import ai.burncloud.router.codec.SseEvent;
import ai.burncloud.router.translate.ir.Completion;
import ai.burncloud.router.translate.ir.ErrorInfo;
import ai.burncloud.router.translate.ir.FinishReason;
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.SseUpstreamReader;
import ai.burncloud.router.translate.ir.StreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Gemini's {@code streamGenerateContent?alt=sse} (CRLF-framed {@code data:} chunks, no event
 * names, no terminator) into neutral events. Each chunk is a complete response fragment: function
 * calls arrive whole, so each becomes a tool start plus one argument fragment. Usage is replaced by
 * every chunk's {@code usageMetadata}, the last one being authoritative.
 */
public final class GeminiSseReader extends SseUpstreamReader {
    private boolean started;
    private boolean sawToolCall;
    private int tools;

    @Override
    protected void onEvent(SseEvent event, List<StreamEvent> out) {
        String data = event.data();
        if (data == null) {
            return;
        }
        JsonNode chunk = Jsons.parseOrNull(data);
        if (chunk == null || !chunk.isObject()) {
            out.add(new StreamEvent.Failed(ErrorInfo.upstream(
                    502, "upstream_protocol_error", "upstream sent a stream chunk that is not JSON")));
            return;
        }
        ErrorInfo error = GeminiChunks.error(chunk);
        if (error != null) {
            out.add(new StreamEvent.Failed(error));
            return;
        }
        if (!started) {
            started = true;
            out.add(new StreamEvent.Start(Jsons.text(chunk, "responseId"), Jsons.text(chunk, "modelVersion")));
        }
        JsonNode meta = Jsons.field(chunk, "usageMetadata");
        if (meta != null) {
            out.add(new StreamEvent.Usage(GeminiUsage.read(meta)));
        }
        List<Completion.Part> parts = new ArrayList<>();
        sawToolCall |= GeminiChunks.parts(chunk, parts);
        for (Completion.Part p : parts) {
            if (p instanceof Completion.Text t) {
                out.add(new StreamEvent.Text(t.text()));
            } else if (p instanceof Completion.Reasoning r) {
                out.add(new StreamEvent.Reasoning(r.text()));
            } else if (p instanceof Completion.ToolCall call) {
                int index = tools++;
                out.add(new StreamEvent.ToolStart(index, call.id(), call.name()));
                out.add(new StreamEvent.ToolArgs(index, call.argumentsJson()));
            }
        }
        FinishReason finish = GeminiChunks.finish(chunk, sawToolCall);
        if (finish != null) {
            out.add(new StreamEvent.Finish(finish, null));
        }
    }
}
