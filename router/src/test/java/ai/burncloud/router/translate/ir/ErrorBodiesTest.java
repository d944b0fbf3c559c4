package ai.burncloud.router.translate.ir;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.Json;
import ai.burncloud.router.translate.ClientApi;
import org.junit.jupiter.api.Test;

/** Gateway-decided errors render in each front door's own shape (what the pipeline sends on these endpoints). */
class ErrorBodiesTest {
    @Test
    void quotaExhaustedInEachDialect() {
        ErrorInfo e = ErrorInfo.local(GatewayError.INSUFFICIENT_QUOTA, "quota exhausted");
        assertThat(ErrorBodies.render(ClientApi.OPENAI, e))
                .isEqualTo(Json.parse(
                        "{\"error\":{\"message\":\"quota exhausted\",\"type\":\"insufficient_quota_error\",\"param\":null,"
                                + "\"code\":\"insufficient_quota\"}}"));
        assertThat(ErrorBodies.render(ClientApi.ANTHROPIC, e))
                .isEqualTo(Json.parse(
                        "{\"type\":\"error\",\"error\":{\"type\":\"billing_error\",\"message\":\"quota exhausted\"}}"));
        assertThat(ErrorBodies.render(ClientApi.GEMINI, e))
                .isEqualTo(
                        Json.parse(
                                "{\"error\":{\"code\":402,\"message\":\"quota exhausted\",\"status\":\"FAILED_PRECONDITION\"}}"));
    }

    @Test
    void statusesMapToEachDialectsVocabulary() {
        assertThat(ErrorBodies.anthropicType(401)).isEqualTo("authentication_error");
        assertThat(ErrorBodies.anthropicType(429)).isEqualTo("rate_limit_error");
        assertThat(ErrorBodies.anthropicType(529)).isEqualTo("overloaded_error");
        assertThat(ErrorBodies.anthropicType(500)).isEqualTo("api_error");
        assertThat(ErrorBodies.grpcStatus(429)).isEqualTo("RESOURCE_EXHAUSTED");
        assertThat(ErrorBodies.grpcStatus(404)).isEqualTo("NOT_FOUND");
        assertThat(ErrorBodies.grpcStatus(503)).isEqualTo("UNAVAILABLE");
        assertThat(ErrorBodies.openAiType(429)).isEqualTo("rate_limit_error");
        assertThat(ErrorBodies.clientStatus(ClientApi.ANTHROPIC, 529)).isEqualTo(529);
        assertThat(ErrorBodies.clientStatus(ClientApi.OPENAI, 529)).isEqualTo(503);
    }
}
