package ai.burncloud.router.translate;

/**
 * An error the upstream reported inside a successful HTTP response (an Anthropic {@code error} event,
 * a Bedrock exception frame): the stream is over and failed.
 *
 * @param type the provider's error type (e.g. {@code overloaded_error}, {@code throttlingException})
 */
public record UpstreamFault(String type, String message) {}
