package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.models.ModelInfo;
import com.anthropic.models.models.ModelListParams;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.models.Model;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code models.list()} in the official SDKs, each configured only with BurnCloud's URL and a key. */
class ModelListingSdkTest {
    private static RunningGateway gw;
    private static String key;

    @BeforeAll
    static void start() {
        gw = RunningGateway.start();
        gw.addChannel("c", "openai", "http://127.0.0.1:1/v1", List.of("claude-sonnet-4-5", "gpt-4o", "o3"), null);
        key = gw.token();
        gw.sync();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void theAnthropicSdkPagesThroughTheModels() {
        AnthropicClient client = AnthropicOkHttpClient.builder()
                .apiKey(key)
                .baseUrl(gw.baseUrl())
                .maxRetries(0)
                .build();
        try {
            List<String> ids = client
                    .models()
                    .list(ModelListParams.builder().limit(2).build())
                    .autoPager()
                    .stream()
                    .map(ModelInfo::id)
                    .toList();
            assertThat(ids).containsExactly("claude-sonnet-4-5", "gpt-4o", "o3");
            assertThat(client.models().retrieve("o3").id()).isEqualTo("o3");
        } finally {
            client.close();
        }
    }

    @Test
    void theOpenAiSdkListsTheSameModels() {
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .apiKey(key)
                .baseUrl(gw.openAiBaseUrl())
                .maxRetries(0)
                .build();
        try {
            assertThat(client.models().list().data().stream().map(Model::id))
                    .containsExactly("claude-sonnet-4-5", "gpt-4o", "o3");
        } finally {
            client.close();
        }
    }
}
