package ai.burncloud.router.translate.ir;

import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.TranslationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;

/**
 * The frame of one converted Responses answer: the {@code response} object OpenAI returns around
 * the output, with the id, creation time and the request settings it echoes back. One per answer,
 * so the streamed events and the final object agree on id and time. The id is minted here
 * ({@code resp_…}): the upstream's own id is a chat message id, not a response id.
 */
public final class ResponsesEnvelope {
    private final String id;
    private final long createdAt;
    private final String requestedModel;
    private final JsonNode request;
    private final ResponsesToolNames toolNames;

    ResponsesEnvelope(String id, long createdAt, String requestedModel, JsonNode request) {
        this.id = id;
        this.createdAt = createdAt;
        this.requestedModel = requestedModel;
        this.request = request;
        this.toolNames = ResponsesToolNames.of(Jsons.field(request, "tools"));
    }

    /** The frame for {@code request}; a body that does not parse echoes nothing. */
    public static ResponsesEnvelope of(ClientRequest request, Clock clock) {
        JsonNode json;
        try {
            json = request.json();
        } catch (TranslationException e) {
            json = Json.object();
        }
        return new ResponsesEnvelope(Ids.random("resp_"), clock.instant().getEpochSecond(), request.model(), json);
    }

    public String id() {
        return id;
    }

    /**
     * A {@code response} object with an empty {@code output}, in the field order OpenAI uses.
     *
     * @param upstreamModel the model the upstream says answered, or null for the requested one
     * @param status {@code in_progress}, {@code completed}, {@code incomplete} or {@code failed}
     */
    public ObjectNode response(String upstreamModel, String status) {
        ObjectNode r = Json.object();
        r.put("id", id);
        r.put("object", "response");
        r.put("created_at", createdAt);
        r.put("status", status);
        r.putNull("error");
        r.putNull("incomplete_details");
        echo(r, "instructions", null);
        echo(r, "max_output_tokens", null);
        r.put("model", upstreamModel != null ? upstreamModel : requestedModel);
        r.putArray("output");
        r.put("parallel_tool_calls", request.path("parallel_tool_calls").asBoolean(true));
        r.putNull("previous_response_id");
        echo(r, "reasoning", null);
        r.put("store", false);
        echo(r, "temperature", null);
        echo(r, "text", Json.object().set("format", Json.object().put("type", "text")));
        echo(r, "tool_choice", Json.mapper().getNodeFactory().textNode("auto"));
        echo(r, "tools", Json.mapper().createArrayNode());
        echo(r, "top_p", null);
        r.put("truncation", "disabled");
        r.putNull("usage");
        echo(r, "user", null);
        echo(r, "metadata", Json.object());
        return r;
    }

    /** Sets the final status, {@code incomplete_details} and usage of a finished answer. */
    public static void finish(ObjectNode response, FinishReason reason, TokenUsage usage) {
        String incomplete = incompleteReason(reason);
        response.put("status", incomplete == null ? "completed" : "incomplete");
        if (incomplete != null) {
            response.putObject("incomplete_details").put("reason", incomplete);
        }
        response.set("usage", usage(usage));
    }

    /** Why an answer is {@code incomplete}, or null when it completed. */
    static String incompleteReason(FinishReason reason) {
        if (reason == FinishReason.LENGTH) {
            return "max_output_tokens";
        }
        return reason == FinishReason.CONTENT_FILTER ? "content_filter" : null;
    }

    /**
     * Responses {@code usage}: the same numbers the request is billed with (unreported counts as 0;
     * input includes tokens read from and written to the prompt cache, output includes reasoning
     * tokens, as in chat usage).
     */
    public static ObjectNode usage(TokenUsage usage) {
        long input = TokenUsage.orZero(usage.prompt());
        long output = TokenUsage.orZero(usage.completion());
        ObjectNode u = Json.object();
        u.put("input_tokens", input);
        ObjectNode inputDetails = u.putObject("input_tokens_details");
        inputDetails.put("cached_tokens", TokenUsage.orZero(usage.cachedRead()));
        inputDetails.put("cache_write_tokens", TokenUsage.orZero(usage.cacheCreation()));
        u.put("output_tokens", output);
        u.putObject("output_tokens_details").put("reasoning_tokens", TokenUsage.orZero(usage.reasoning()));
        u.put("total_tokens", input + output);
        return u;
    }

    /** {@code output_text} content, with the empty annotations and logprobs OpenAI always sends. */
    static ObjectNode outputText(String text) {
        ObjectNode part = Json.object();
        part.put("type", "output_text");
        part.put("text", text);
        part.putArray("annotations");
        part.putArray("logprobs");
        return part;
    }

    /** A message output item holding {@code text} (or no content yet when null). */
    static ObjectNode messageItem(String itemId, String status, String text) {
        ObjectNode item = Json.object();
        item.put("id", itemId);
        item.put("type", "message");
        item.put("status", status);
        item.put("role", "assistant");
        ArrayNode content = item.putArray("content");
        if (text != null) {
            content.add(outputText(text));
        }
        return item;
    }

    /**
     * A {@code function_call} output item; {@code callId} is what the client's output refers to. A
     * member of a namespace tool is named as the client declared it: {@code namespace} plus its own name.
     */
    ObjectNode functionCallItem(String itemId, String status, String callId, String upstreamName, String arguments) {
        ResponsesToolNames.Qualified name = toolNames.qualify(upstreamName);
        ObjectNode item = Json.object();
        item.put("id", itemId);
        item.put("type", "function_call");
        item.put("status", status);
        item.put("arguments", arguments);
        item.put("call_id", callId);
        if (name.namespace() != null) {
            item.put("namespace", name.namespace());
        }
        item.put("name", name.name());
        return item;
    }

    /** The name the client knows a function by (without its namespace). */
    String clientName(String upstreamName) {
        return toolNames.qualify(upstreamName).name();
    }

    private void echo(ObjectNode r, String field, JsonNode fallback) {
        JsonNode v = Jsons.field(request, field);
        if (v != null) {
            r.set(field, v.deepCopy());
        } else if (fallback != null) {
            r.set(field, fallback);
        } else {
            r.putNull(field);
        }
    }
}
