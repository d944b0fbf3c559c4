package ai.burncloud.tests;

import ai.burncloud.common.ChannelType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;

/**
 * The live suite's setup and scenarios: the real jar, one channel per configured provider (plus a
 * deliberately broken channel in front of it for the failover scenario), prices, one key, and per
 * provider the scenarios it can serve. Used by {@link LiveProviderTest} against the real providers and
 * by {@link LiveSuiteSelfTest} against the project's fake upstream.
 */
final class LiveSuite implements AutoCloseable {
    /** A base URL where nothing listens: the broken channel's. */
    private static final String NOWHERE = "http://127.0.0.1:1";

    private final List<LiveProvider> providers;
    private final List<RecordingProxy> proxies = new ArrayList<>();
    private final List<long[]> failoverChannels = new ArrayList<>();
    private final GatewayProcess gateway;
    private final LiveScenarios scenarios;

    private LiveSuite(List<LiveProvider> providers, Path recordTo) {
        this.gateway = GatewayProcess.start(Map.of());
        List<LiveProvider> wired = new ArrayList<>();
        for (LiveProvider p : providers) {
            if (recordTo != null && p.recordable()) {
                String target = ChannelType.parse(p.channelType()).resolveBaseUrl(p.baseUrl(), null);
                RecordingProxy proxy = RecordingProxy.start(target, p, recordTo);
                proxies.add(proxy);
                wired.add(p.withBaseUrl(proxy.channelBaseUrl()));
            } else {
                wired.add(p);
            }
        }
        this.providers = List.copyOf(wired);
        GatewayAdmin admin = GatewayAdmin.signIn(gateway.baseUrl(), "root", gateway.rootPassword());
        for (LiveProvider p : this.providers) {
            String failoverModel = failoverModel(p);
            long broken = admin.addChannel(
                    p.name() + "-broken",
                    p.channelType(),
                    NOWHERE,
                    p.key(),
                    List.of(failoverModel),
                    10,
                    Map.of(),
                    p.config());
            List<String> models = new ArrayList<>(List.of(p.chatModel(), failoverModel));
            if (p.embeddingModel() != null) {
                models.add(p.embeddingModel());
            }
            long real = admin.addChannel(
                    p.name(),
                    p.channelType(),
                    p.baseUrl(),
                    p.key(),
                    models,
                    0,
                    Map.of(failoverModel, p.chatModel()),
                    p.config());
            failoverChannels.add(new long[] {broken, real});
            for (String m : models) {
                admin.price(m, LiveScenarios.INPUT_PRICE, LiveScenarios.OUTPUT_PRICE);
            }
        }
        String key = admin.createKey("live");
        awaitUsable(key);
        this.scenarios = new LiveScenarios(gateway.baseUrl(), key, admin);
    }

    /**
     * @param recordTo where recording mode saves the providers' answers ({@code fixtures/}), or null for
     *     no recording
     */
    static LiveSuite start(List<LiveProvider> providers, Path recordTo) {
        return new LiveSuite(providers, recordTo);
    }

    Path gatewayLog() {
        return gateway.log();
    }

    /** Per provider, a container of the scenarios it serves. */
    List<DynamicContainer> tests() {
        List<DynamicContainer> all = new ArrayList<>();
        for (int i = 0; i < providers.size(); i++) {
            LiveProvider p = providers.get(i);
            long[] failover = failoverChannels.get(i);
            List<DynamicTest> t = new ArrayList<>();
            t.add(DynamicTest.dynamicTest("chat", () -> scenarios.chat(p.chatModel())));
            t.add(DynamicTest.dynamicTest("streaming with usage", () -> scenarios.stream(p.chatModel())));
            t.add(DynamicTest.dynamicTest("tool call", () -> scenarios.tools(p.chatModel())));
            t.add(DynamicTest.dynamicTest("Anthropic door", () -> scenarios.anthropicDoor(p.chatModel())));
            t.add(DynamicTest.dynamicTest("Gemini door", () -> scenarios.geminiDoor(p.chatModel())));
            if (p.embeddingModel() != null) {
                t.add(DynamicTest.dynamicTest("embeddings", () -> scenarios.embeddings(p.embeddingModel())));
            }
            t.add(DynamicTest.dynamicTest(
                    "failover from a broken channel",
                    () -> scenarios.failover(failoverModel(p), failover[0], failover[1])));
            all.add(DynamicContainer.dynamicContainer(p.toString(), t));
        }
        return all;
    }

    private static String failoverModel(LiveProvider p) {
        return "live-failover-" + p.name();
    }

    /** Waits until the gateway accepts the new key (a readiness check, bounded). */
    private void awaitUsable(String key) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/models"))
                                .header("authorization", "Bearer " + key)
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
                Thread.sleep(50);
            } catch (Exception e) {
                throw new IllegalStateException("waiting for the key failed: " + e, e);
            }
        }
        throw new IllegalStateException("the new key was not accepted within 10 s; see " + gateway.log());
    }

    @Override
    public void close() {
        gateway.close();
        proxies.forEach(RecordingProxy::close);
    }
}
