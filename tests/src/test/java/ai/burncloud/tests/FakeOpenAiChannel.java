package ai.burncloud.tests;

import ai.burncloud.database.Channel;
import ai.burncloud.database.Repositories;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.service.ChannelAdmin;
import ai.burncloud.service.ChannelRequest;
import ai.burncloud.service.PriceAdmin;
import java.util.List;

/** The fake upstream configured as an operator would: an OpenAI channel "fake" serving gpt-4o at $1/$2 per 1M. */
final class FakeOpenAiChannel {
    private FakeOpenAiChannel() {}

    static Channel add(Repositories repos, FakeUpstream up) {
        Channel channel = new ChannelAdmin(repos)
                .add(new ChannelRequest(
                        "fake",
                        "openai",
                        up.baseUrl() + "/v1",
                        "sk-upstream",
                        List.of("gpt-4o"),
                        null,
                        null,
                        null,
                        null,
                        null));
        new PriceAdmin(repos).set("gpt-4o", "1", "2", null);
        return channel;
    }
}
