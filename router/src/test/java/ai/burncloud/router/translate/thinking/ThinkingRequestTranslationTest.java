package ai.burncloud.router.translate.thinking;

import static ai.burncloud.router.translate.ConverterHarness.ALLOC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.burncloud.common.ChannelType;
import ai.burncloud.common.Json;
import ai.burncloud.router.translate.Operation;
import ai.burncloud.router.translate.Requests;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.Translator;
import ai.burncloud.router.translate.UpstreamTarget;
import ai.burncloud.router.translate.anthropic.AnthropicToOpenAiTranslator;
import ai.burncloud.router.translate.anthropic.GeminiToAnthropicTranslator;
import ai.burncloud.router.translate.anthropic.OpenAiToAnthropicTranslator;
import ai.burncloud.router.translate.bedrock.AnthropicToBedrockTranslator;
import ai.burncloud.router.translate.bedrock.GeminiToBedrockTranslator;
import ai.burncloud.router.translate.bedrock.OpenAiToBedrockTranslator;
import ai.burncloud.router.translate.gemini.AnthropicToGeminiTranslator;
import ai.burncloud.router.translate.gemini.GeminiToOpenAiTranslator;
import ai.burncloud.router.translate.gemini.OpenAiToGeminiTranslator;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reasoning setting of each client dialect reaches each other upstream dialect as the mapping
 * table in docs/PROTOCOLS.md says ("Thinking and reasoning").
 */
class ThinkingRequestTranslationTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final UpstreamTarget CLAUDE = Requests.target(ChannelType.ANTHROPIC, "claude-sonnet-4-5");
    private static final UpstreamTarget GPT = Requests.target(ChannelType.OPENAI, "o4-mini");
    private static final UpstreamTarget GEMINI = Requests.target(ChannelType.GEMINI, "gemini-2.5-flash");
    private static final UpstreamTarget BEDROCK_CLAUDE =
            Requests.target(ChannelType.BEDROCK, "us.anthropic.claude-sonnet-4-5-20250929-v1:0");
    /** Claude through Converse (an Anthropic client's default for Claude is InvokeModel, with its own bytes). */
    private static final UpstreamTarget BEDROCK_CLAUDE_CONVERSE = Requests.target(
            ChannelType.BEDROCK, "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "{\"api\":\"converse\"}");

    private static final UpstreamTarget BEDROCK_NOVA = Requests.target(ChannelType.BEDROCK, "amazon.nova-pro-v1:0");

    private static JsonNode send(Translator t, Operation op, String body, UpstreamTarget target) throws Exception {
        return Requests.body(t.toUpstream(Requests.request(op, body), target, ALLOC));
    }

    private static String openAi(String effort, String extra) {
        return "{\"model\":\"m\",\"reasoning_effort\":\"" + effort + "\"" + extra
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"why?\"}]}";
    }

    private static String anthropic(String thinking) {
        return "{\"model\":\"m\",\"max_tokens\":2000,\"thinking\":" + thinking
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"why?\"}]}";
    }

    private static String gemini(String thinkingConfig) {
        return "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"why?\"}]}],"
                + "\"generationConfig\":{\"maxOutputTokens\":3000,\"thinkingConfig\":" + thinkingConfig + "}}";
    }

    @ParameterizedTest
    @CsvSource({"minimal,1024", "low,1024", "medium,8192", "high,24576"})
    void openAiEffortBecomesAnthropicBudgetWithRoomForTheAnswer(String effort, long budget) throws Exception {
        JsonNode sent = send(
                new OpenAiToAnthropicTranslator(CLOCK),
                Operation.CHAT_COMPLETIONS,
                openAi(effort, ",\"max_completion_tokens\":500,\"temperature\":0.2,\"top_p\":0.5"),
                CLAUDE);
        assertThat(sent.get("thinking"))
                .isEqualTo(Json.parse("{\"type\":\"enabled\",\"budget_tokens\":" + budget + "}"));
        // Claude needs max_tokens above the budget: the client's 500 stay for the visible answer
        assertThat(sent.get("max_tokens").asLong()).isEqualTo(budget + 500);
        // and refuses temperature, and top_p below 0.95, with thinking on
        assertThat(sent.has("temperature")).isFalse();
        assertThat(sent.has("top_p")).isFalse();
    }

    @Test
    void aLimitAboveTheBudgetIsKeptAndAHighTopPSurvives() throws Exception {
        JsonNode sent = send(
                new OpenAiToAnthropicTranslator(CLOCK),
                Operation.CHAT_COMPLETIONS,
                openAi("low", ",\"max_completion_tokens\":5000,\"top_p\":0.97"),
                CLAUDE);
        assertThat(sent.get("max_tokens").asLong()).isEqualTo(5000);
        assertThat(sent.get("top_p").asDouble()).isEqualTo(0.97);
    }

    @Test
    void openAiEffortNoneSendsNoThinkingAnywhere() throws Exception {
        assertThat(send(new OpenAiToAnthropicTranslator(CLOCK), Operation.CHAT_COMPLETIONS, openAi("none", ""), CLAUDE)
                        .has("thinking"))
                .isFalse();
        assertThat(send(new OpenAiToGeminiTranslator(CLOCK), Operation.CHAT_COMPLETIONS, openAi("none", ""), GEMINI)
                        .at("/generationConfig/thinkingConfig"))
                .isEqualTo(Json.parse("{\"thinkingBudget\":0}"));
    }

    @Test
    void openAiEffortBecomesGeminiBudgetWithThoughtsShown() throws Exception {
        JsonNode sent =
                send(new OpenAiToGeminiTranslator(CLOCK), Operation.CHAT_COMPLETIONS, openAi("high", ""), GEMINI);
        assertThat(sent.at("/generationConfig/thinkingConfig"))
                .isEqualTo(Json.parse("{\"thinkingBudget\":24576,\"includeThoughts\":true}"));
    }

    @Test
    void openAiEffortReachesClaudeOnBedrockButNoOtherBedrockModel() throws Exception {
        JsonNode claude = send(
                new OpenAiToBedrockTranslator(CLOCK),
                Operation.CHAT_COMPLETIONS,
                openAi("medium", ",\"temperature\":0.3"),
                BEDROCK_CLAUDE);
        assertThat(claude.get("additionalModelRequestFields"))
                .isEqualTo(Json.parse("{\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":8192}}"));
        assertThat(claude.get("inferenceConfig")).isEqualTo(Json.parse("{\"maxTokens\":12288}"));
        JsonNode nova = send(
                new OpenAiToBedrockTranslator(CLOCK),
                Operation.CHAT_COMPLETIONS,
                openAi("medium", ",\"temperature\":0.3"),
                BEDROCK_NOVA);
        assertThat(nova.has("additionalModelRequestFields")).isFalse();
        assertThat(nova.at("/inferenceConfig/temperature").asDouble()).isEqualTo(0.3);
    }

    @Test
    void unknownEffortIsRefused() {
        assertThatThrownBy(() -> send(
                        new OpenAiToAnthropicTranslator(CLOCK), Operation.CHAT_COMPLETIONS, openAi("huge", ""), CLAUDE))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("reasoning_effort");
    }

    @ParameterizedTest
    @CsvSource({
        "'{\"type\":\"enabled\",\"budget_tokens\":1024}',low",
        "'{\"type\":\"enabled\",\"budget_tokens\":4096}',medium",
        "'{\"type\":\"enabled\",\"budget_tokens\":16384}',high",
        "'{\"type\":\"adaptive\"}',medium"
    })
    void anthropicBudgetBecomesOpenAiEffortByThreshold(String thinking, String effort) throws Exception {
        JsonNode sent = send(new AnthropicToOpenAiTranslator(), Operation.MESSAGES, anthropic(thinking), GPT);
        assertThat(sent.get("reasoning_effort").asText()).isEqualTo(effort);
    }

    @Test
    void modelsThatDoNotReasonGetNoEffortUnlessTheChannelSaysHow() throws Exception {
        String claudeCode = anthropic("{\"type\":\"enabled\",\"budget_tokens\":31999}");
        // gpt-4o answers 400 to reasoning_effort: Claude Code's thinking must not break it
        assertThat(send(
                                new AnthropicToOpenAiTranslator(),
                                Operation.MESSAGES,
                                claudeCode,
                                Requests.target(ChannelType.OPENAI, "gpt-4o"))
                        .has("reasoning_effort"))
                .isFalse();
        JsonNode qwen = send(
                new AnthropicToOpenAiTranslator(),
                Operation.MESSAGES,
                claudeCode,
                Requests.target(ChannelType.OPENAI, "qwen3-235b-a22b", "{\"reasoning_field\":\"enable_thinking\"}"));
        assertThat(qwen.get("enable_thinking").asBoolean()).isTrue();
        assertThat(qwen.get("thinking_budget").asLong()).isEqualTo(31999);
        assertThat(qwen.has("reasoning_effort")).isFalse();
        assertThat(send(
                                new AnthropicToOpenAiTranslator(),
                                Operation.MESSAGES,
                                claudeCode,
                                Requests.target(ChannelType.OPENAI, "openai/gpt-5-mini"))
                        .get("reasoning_effort")
                        .asText())
                .isEqualTo("high");
    }

    @Test
    void anthropicAdaptiveThinkingTakesItsEffortToOpenAi() throws Exception {
        String body = "{\"model\":\"m\",\"max_tokens\":2000,\"thinking\":{\"type\":\"adaptive\"},"
                + "\"output_config\":{\"effort\":\"low\"},\"messages\":[{\"role\":\"user\",\"content\":\"why?\"}]}";
        assertThat(send(new AnthropicToOpenAiTranslator(), Operation.MESSAGES, body, GPT)
                        .get("reasoning_effort")
                        .asText())
                .isEqualTo("low");
    }

    @Test
    void anthropicDisabledThinkingSendsNoEffort() throws Exception {
        assertThat(send(
                                new AnthropicToOpenAiTranslator(),
                                Operation.MESSAGES,
                                anthropic("{\"type\":\"disabled\"}"),
                                GPT)
                        .has("reasoning_effort"))
                .isFalse();
    }

    @Test
    void anthropicBudgetReachesGeminiAsIsAndAdaptiveAsDynamic() throws Exception {
        assertThat(send(
                                new AnthropicToGeminiTranslator(),
                                Operation.MESSAGES,
                                anthropic("{\"type\":\"enabled\",\"budget_tokens\":5000}"),
                                GEMINI)
                        .at("/generationConfig/thinkingConfig"))
                .isEqualTo(Json.parse("{\"thinkingBudget\":5000,\"includeThoughts\":true}"));
        assertThat(send(
                                new AnthropicToGeminiTranslator(),
                                Operation.MESSAGES,
                                anthropic("{\"type\":\"adaptive\"}"),
                                GEMINI)
                        .at("/generationConfig/thinkingConfig/thinkingBudget")
                        .asLong())
                .isEqualTo(-1);
    }

    @Test
    void anthropicBudgetUnderTheMinimumIsRefusedAsAnthropicWould() {
        assertThatThrownBy(() -> send(
                        new AnthropicToOpenAiTranslator(),
                        Operation.MESSAGES,
                        anthropic("{\"type\":\"enabled\",\"budget_tokens\":100}"),
                        GPT))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("budget_tokens");
    }

    @Test
    void geminiBudgetReachesClaudeAndOpenAi() throws Exception {
        JsonNode claude = send(
                new GeminiToAnthropicTranslator(),
                Operation.GENERATE_CONTENT,
                gemini("{\"thinkingBudget\":2048,\"includeThoughts\":true}"),
                CLAUDE);
        assertThat(claude.get("thinking")).isEqualTo(Json.parse("{\"type\":\"enabled\",\"budget_tokens\":2048}"));
        assertThat(claude.get("max_tokens").asLong()).isEqualTo(3000);
        JsonNode gpt = send(
                new GeminiToOpenAiTranslator(), Operation.GENERATE_CONTENT, gemini("{\"thinkingBudget\":2048}"), GPT);
        assertThat(gpt.get("reasoning_effort").asText()).isEqualTo("low");
    }

    @Test
    void geminiSmallBudgetIsRaisedToClaudesMinimum() throws Exception {
        JsonNode claude = send(
                new GeminiToAnthropicTranslator(),
                Operation.GENERATE_CONTENT,
                gemini("{\"thinkingBudget\":128}"),
                CLAUDE);
        assertThat(claude.at("/thinking/budget_tokens").asLong()).isEqualTo(1024);
    }

    @Test
    void geminiZeroBudgetTurnsThinkingOffAndDynamicBecomesMedium() throws Exception {
        assertThat(send(
                                new GeminiToAnthropicTranslator(),
                                Operation.GENERATE_CONTENT,
                                gemini("{\"thinkingBudget\":0}"),
                                CLAUDE)
                        .has("thinking"))
                .isFalse();
        assertThat(send(
                                new GeminiToOpenAiTranslator(),
                                Operation.GENERATE_CONTENT,
                                gemini("{\"thinkingBudget\":0}"),
                                GPT)
                        .has("reasoning_effort"))
                .isFalse();
        assertThat(send(
                                new GeminiToBedrockTranslator(),
                                Operation.GENERATE_CONTENT,
                                gemini("{\"thinkingBudget\":-1}"),
                                BEDROCK_CLAUDE)
                        .at("/additionalModelRequestFields/thinking/budget_tokens")
                        .asLong())
                .isEqualTo(8192);
    }

    @Test
    void geminiThinkingLevelIsAnEffort() throws Exception {
        assertThat(send(
                                new GeminiToOpenAiTranslator(),
                                Operation.GENERATE_CONTENT,
                                gemini("{\"thinkingLevel\":\"high\"}"),
                                GPT)
                        .get("reasoning_effort")
                        .asText())
                .isEqualTo("high");
    }

    @Test
    void aForcedToolCallSendsNoThinkingToClaude() throws Exception {
        String body =
                "{\"model\":\"m\",\"reasoning_effort\":\"high\",\"messages\":[{\"role\":\"user\",\"content\":\"go\"}],"
                        + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"run\",\"parameters\":{\"type\":\"object\"}}}],"
                        + "\"tool_choice\":\"required\"}";
        JsonNode sent = send(new OpenAiToAnthropicTranslator(CLOCK), Operation.CHAT_COMPLETIONS, body, CLAUDE);
        assertThat(sent.has("thinking")).isFalse();
        assertThat(sent.at("/tool_choice/type").asText()).isEqualTo("any");
    }

    @Test
    void aToolLoopWithoutSignedReasoningContinuesWithoutThinking() throws Exception {
        // an OpenAI client cannot hand back Claude's signed thinking, which Claude demands mid tool loop
        String body = """
                {"model":"m","reasoning_effort":"high","messages":[{"role":"user","content":"go"},
                  {"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"run","arguments":"{}"}}]},
                  {"role":"tool","tool_call_id":"c1","content":"ok"}],
                 "tools":[{"type":"function","function":{"name":"run","parameters":{"type":"object"}}}]}""";
        assertThat(send(new OpenAiToAnthropicTranslator(CLOCK), Operation.CHAT_COMPLETIONS, body, CLAUDE)
                        .has("thinking"))
                .isFalse();
    }

    @Test
    void signedThinkingGoesBackToClaudeOnBedrockUnchanged() throws Exception {
        String body = """
                {"model":"m","max_tokens":2000,"thinking":{"type":"enabled","budget_tokens":1500},
                 "tools":[{"name":"run","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"go"},
                  {"role":"assistant","content":[
                    {"type":"thinking","thinking":"I should run it.","signature":"EqQBCgIYAhIM1gbcDa9GJwZA"},
                    {"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix"},
                    {"type":"tool_use","id":"toolu_1","name":"run","input":{}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"done"}]}]}""";
        JsonNode sent = send(new AnthropicToBedrockTranslator(), Operation.MESSAGES, body, BEDROCK_CLAUDE_CONVERSE);
        assertThat(sent.at("/messages/1/content")).isEqualTo(Json.parse("""
                [{"reasoningContent":{"reasoningText":{"text":"I should run it.","signature":"EqQBCgIYAhIM1gbcDa9GJwZA"}}},
                 {"reasoningContent":{"redactedContent":"EmwKAhgBEgy3va3pzix"}},
                 {"toolUse":{"toolUseId":"toolu_1","name":"run","input":{}}}]"""));
        assertThat(sent.get("additionalModelRequestFields"))
                .isEqualTo(Json.parse("{\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1500}}"));
        assertThat(sent.at("/inferenceConfig/maxTokens").asLong()).isEqualTo(2000);
    }

    @Test
    void thinkingHistoryIsLeftOutWhereItCannotGo() throws Exception {
        String body = """
                {"model":"m","max_tokens":2000,
                 "messages":[{"role":"user","content":"hi"},
                  {"role":"assistant","content":[{"type":"thinking","thinking":"hm","signature":"sig"},
                    {"type":"text","text":"Hello"}]},
                  {"role":"user","content":"again"}]}""";
        JsonNode gpt = send(new AnthropicToOpenAiTranslator(), Operation.MESSAGES, body, GPT);
        assertThat(gpt.at("/messages/1")).isEqualTo(Json.parse("{\"role\":\"assistant\",\"content\":\"Hello\"}"));
        JsonNode gemini = send(new AnthropicToGeminiTranslator(), Operation.MESSAGES, body, GEMINI);
        assertThat(gemini.at("/contents/1/parts")).isEqualTo(Json.parse("[{\"text\":\"Hello\"}]"));
        // without thinking on in this request, Bedrock gets no reasoning blocks either
        JsonNode bedrock = send(new AnthropicToBedrockTranslator(), Operation.MESSAGES, body, BEDROCK_CLAUDE_CONVERSE);
        assertThat(bedrock.at("/messages/1/content")).isEqualTo(Json.parse("[{\"text\":\"Hello\"}]"));
    }
}
