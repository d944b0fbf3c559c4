package ai.burncloud.service;

import ai.burncloud.common.Json;
import ai.burncloud.common.Money;
import ai.burncloud.database.RequestLog;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional access log ({@code ACCESS_LOG=true}): one JSON line per settled request on the logger
 * {@value #LOGGER}, which the launcher sends to stdout or {@code ACCESS_LOG_FILE} through an
 * asynchronous appender, so the event loop that settles never waits for a disk.
 *
 * <p>Never a secret: no key (only the key's id), no query string (the Gemini door's {@code ?key=}),
 * no body, no client address.
 */
public final class AccessLog implements RequestListener {
    public static final String LOGGER = "burncloud.access";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    public void onSettled(RequestLog r) {
        if (log.isInfoEnabled()) {
            log.info(line(r));
        }
    }

    /** The JSON line for one request. */
    public static String line(RequestLog r) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("time", Instant.ofEpochMilli(r.createdAtMs()).toString());
        o.put("request_id", r.requestId());
        o.put("key_id", r.tokenId());
        o.put("user_id", r.userId());
        o.put("endpoint", pathOnly(r.endpoint()));
        o.put("model", r.model());
        o.put("channel_id", r.channelId());
        o.put("status", r.status());
        o.put("settlement", r.settlement());
        o.put("stream", r.stream());
        o.put("latency_ms", r.latencyMs());
        o.put("ttfb_ms", r.ttfbMs());
        o.put("prompt_tokens", r.promptTokens());
        o.put("completion_tokens", r.completionTokens());
        o.put("cost", Money.toDollars(r.cost()));
        o.put("estimated", r.estimated());
        o.put("error_code", r.errorCode());
        return o.toString();
    }

    private static String pathOnly(String endpoint) {
        if (endpoint == null) {
            return null;
        }
        int q = endpoint.indexOf('?');
        return q < 0 ? endpoint : endpoint.substring(0, q);
    }
}
