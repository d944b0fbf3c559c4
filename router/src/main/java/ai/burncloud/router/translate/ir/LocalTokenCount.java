package ai.burncloud.router.translate.ir;

import ai.burncloud.common.Json;
import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.service.TokenCounter;
import io.netty.buffer.ByteBufAllocator;

/**
 * Answers a count-tokens call locally, for upstreams that have no such endpoint: the text of the
 * system prompt, messages, tool calls, tool results and tool definitions through the local
 * tokenizer. An estimate: images and documents are not counted, and the tokenizer is OpenAI's.
 */
public final class LocalTokenCount {
    private LocalTokenCount() {}

    public static long count(ChatRequest r, TokenCounter counter) {
        long n = 0;
        for (String s : r.system()) {
            n += counter.count(s);
        }
        for (ChatRequest.Message m : r.messages()) {
            for (ChatRequest.Part p : m.parts()) {
                if (p instanceof ChatRequest.Text t) {
                    n += counter.count(t.text());
                } else if (p instanceof ChatRequest.ToolCall c) {
                    n += counter.count(c.name()) + counter.count(c.argumentsJson());
                } else if (p instanceof ChatRequest.ToolResult tr) {
                    n += counter.count(tr.text());
                }
            }
        }
        for (ChatRequest.ToolDef t : r.tools()) {
            n += counter.count(t.name());
            if (t.description() != null) {
                n += counter.count(t.description());
            }
            n += counter.count(t.schema().toString());
        }
        return n;
    }

    /** The client's count-tokens response: Anthropic {@code {"input_tokens":n}}, Gemini {@code {"totalTokens":n}}. */
    public static UpstreamBody answer(ClientApi api, ChatRequest r, ByteBufAllocator alloc) {
        long n = count(r, TokenCounter.standard());
        String field = api == ClientApi.GEMINI ? "totalTokens" : "input_tokens";
        return UpstreamBody.local(JsonOut.json(alloc, Json.object().put(field, n)));
    }
}
