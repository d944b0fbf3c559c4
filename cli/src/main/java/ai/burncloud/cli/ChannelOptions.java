package ai.burncloud.cli;

import ai.burncloud.service.ChannelRequest;
import java.util.List;
import picocli.CommandLine.Option;

/** The fields of a channel, shared by {@code channel add} and {@code channel update}. */
final class ChannelOptions {
    @Option(names = "--name", paramLabel = "NAME", description = "A name for people.")
    String name;

    @Option(
            names = "--type",
            paramLabel = "TYPE",
            description = "openai (or any OpenAI-compatible host), azure, anthropic, gemini, bedrock or qwen.")
    String type;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "As the provider documents it (default: the public endpoint of the type).")
    String baseUrl;

    @Option(
            names = "--key",
            paramLabel = "KEY",
            description = "Upstream credential; bedrock: ACCESS_KEY_ID|SECRET_ACCESS_KEY[|SESSION_TOKEN].")
    String key;

    @Option(names = "--models", split = ",", paramLabel = "MODEL", description = "Models served, e.g. gpt-4,gpt-4o.")
    List<String> models;

    @Option(
            names = "--group",
            split = ",",
            paramLabel = "GROUP",
            description = "User groups that may use it (default: default).")
    List<String> groups;

    @Option(names = "--priority", paramLabel = "N", description = "Higher is tried first (default 0).")
    Integer priority;

    @Option(names = "--weight", paramLabel = "N", description = "Share among equal priorities (default 0).")
    Integer weight;

    @Option(
            names = "--model-mapping",
            paramLabel = "JSON",
            description = "Requested to upstream model, e.g. '{\"gpt-4\":\"gpt-4-0613\"}'.")
    String modelMapping;

    @Option(
            names = "--config",
            paramLabel = "JSON",
            description = "Provider settings as a JSON object, e.g. '{\"region\":\"us-east-1\"}' for bedrock.")
    String config;

    ChannelRequest request() {
        return new ChannelRequest(name, type, baseUrl, key, models, groups, priority, weight, modelMapping, config);
    }
}
