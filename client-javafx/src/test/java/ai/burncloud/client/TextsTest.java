package ai.burncloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TextsTest {
    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseHasExactlyTheEnglishKeysAndNoEmptyText() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh.properties");
        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        assertThat(zh.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        // placeholders must match, or a formatted Chinese text would lose a value
        for (String key : en.stringPropertyNames()) {
            for (int i = 0; i < 4; i++) {
                String p = "{" + i + "}";
                assertThat(zh.getProperty(key).contains(p))
                        .as("%s in %s", p, key)
                        .isEqualTo(en.getProperty(key).contains(p));
            }
        }
    }

    @Test
    void theLanguageFollowsTheTagAndAMissingKeyIsMarked() {
        Texts zh = Texts.forTag("zh-CN");
        assertThat(zh.get("nav.dashboard")).isEqualTo("仪表盘");
        assertThat(zh.format("channels.saved", "openai")).isEqualTo("渠道 openai 已保存。");
        assertThat(Texts.forTag("en").get("nav.dashboard")).isEqualTo("Dashboard");
        assertThat(new Texts(Locale.ENGLISH).get("no.such.key")).isEqualTo("!no.such.key!");
    }
}
