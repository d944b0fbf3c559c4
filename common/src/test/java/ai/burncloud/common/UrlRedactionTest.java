package ai.burncloud.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlRedactionTest {
    @Test
    void dropsCredentialParametersAndKeepsTheRest() {
        assertThat(UrlRedaction.redact("/v1beta/models/g:streamGenerateContent?alt=sse&key=sk-1"))
                .isEqualTo("/v1beta/models/g:streamGenerateContent?alt=sse");
        assertThat(UrlRedaction.redact("/v1/x?key=sk-1&alt=sse")).isEqualTo("/v1/x?alt=sse");
        assertThat(UrlRedaction.redact("/v1/x?access_token=a&X-Goog-Api-Key=b&Signature=c&password=d&session=e"))
                .isEqualTo("/v1/x");
        assertThat(UrlRedaction.redact("/v1/x")).isEqualTo("/v1/x");
        assertThat(UrlRedaction.redact("/v1/x?")).isEqualTo("/v1/x");
    }

    @Test
    void seesThroughPercentEncodedNamesAndNeverThrowsOnMalformedOnes() {
        assertThat(UrlRedaction.redact("/v1/x?%6B%65%79=sk-1&k%ey=2&%=3&%zz=4")).isEqualTo("/v1/x?k%ey=2&%=3&%zz=4");
        assertThat(UrlRedaction.redact("/v1/x?a=1#key=frag")).isEqualTo("/v1/x?a=1");
    }
}
