package ai.burncloud.router;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;

/** Receives what one upstream connection delivers for the request currently using it. */
interface UpstreamListener {
    void onResponseHead(HttpResponse head);

    /** A piece of the body; the receiver releases {@code content} after this returns. */
    void onResponseContent(HttpContent content);

    /** The end of one socket read: a moment to flush and to ask for more. */
    void onReadComplete();

    /** The connection failed or closed before the response ended. */
    void onConnectionFailure(Throwable cause);
}
