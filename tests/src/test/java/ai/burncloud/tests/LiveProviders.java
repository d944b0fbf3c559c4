package ai.burncloud.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which real providers the live suite runs against, read from {@code TEST_*} variables (the environment
 * or the repository's {@code .env}; {@code .env.example} lists them with their cheap default models). A
 * provider whose key is not set is not part of the run; {@link #missing()} says which and why.
 */
final class LiveProviders {
    private final List<LiveProvider> configured = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    private final Set<String> consulted = new TreeSet<>();

    private LiveProviders() {}

    static LiveProviders from(Map<String, String> env) {
        LiveProviders p = new LiveProviders();
        p.add(env, "openai", "openai", "gpt-4o-mini", "text-embedding-3-small", null);
        p.add(env, "anthropic", "anthropic", "claude-haiku-4-5", null, null);
        p.add(env, "gemini", "gemini", "gemini-2.5-flash-lite", "gemini-embedding-001", null);
        p.add(env, "qwen", "qwen", "qwen-turbo", "text-embedding-v3", null);
        p.addAzure(env);
        p.addBedrock(env);
        return p;
    }

    List<LiveProvider> configured() {
        return List.copyOf(configured);
    }

    /** One line per provider left out of the run, naming the variable that would bring it in. */
    List<String> missing() {
        return List.copyOf(missing);
    }

    private void add(
            Map<String, String> env,
            String name,
            String type,
            String defaultModel,
            String defaultEmbedding,
            String config) {
        String prefix = "TEST_" + name.toUpperCase() + "_";
        String key = value(env, prefix + "KEY");
        String url = value(env, prefix + "BASE_URL");
        String model = or(value(env, prefix + "MODEL"), defaultModel);
        String embedding =
                defaultEmbedding == null ? null : or(value(env, prefix + "EMBEDDING_MODEL"), defaultEmbedding);
        if (key == null) {
            missing.add(name + ": not configured (" + prefix + "KEY is not set)");
            return;
        }
        configured.add(new LiveProvider(name, type, key, url, config, model, embedding, true));
    }

    private void addAzure(Map<String, String> env) {
        String key = value(env, "TEST_AZURE_KEY");
        String url = value(env, "TEST_AZURE_BASE_URL");
        String version = or(value(env, "TEST_AZURE_API_VERSION"), "2024-10-21");
        String model = or(value(env, "TEST_AZURE_MODEL"), "gpt-4o-mini");
        String embedding = value(env, "TEST_AZURE_EMBEDDING_MODEL");
        if (key == null || url == null) {
            missing.add("azure: not configured (TEST_AZURE_KEY and TEST_AZURE_BASE_URL are both needed)");
            return;
        }
        configured.add(new LiveProvider(
                "azure", "azure", key, url, "{\"api_version\":\"" + version + "\"}", model, embedding, true));
    }

    private void addBedrock(Map<String, String> env) {
        String key = value(env, "TEST_BEDROCK_KEY");
        String region = or(value(env, "TEST_BEDROCK_REGION"), "us-east-1");
        String url = value(env, "TEST_BEDROCK_BASE_URL");
        String model = or(value(env, "TEST_BEDROCK_MODEL"), "anthropic.claude-3-haiku-20240307-v1:0");
        if (key == null) {
            missing.add("bedrock: not configured (TEST_BEDROCK_KEY is not set)");
            return;
        }
        configured.add(new LiveProvider(
                "bedrock", "bedrock", key, url, "{\"region\":\"" + region + "\"}", model, null, false));
    }

    /** Every variable the suite reads (for the check that .env.example documents them all). */
    Set<String> consulted() {
        return Set.copyOf(consulted);
    }

    private String value(Map<String, String> env, String name) {
        consulted.add(name);
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String or(String v, String fallback) {
        return v != null ? v : fallback;
    }
}
