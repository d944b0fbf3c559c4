package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.database.ConfigChange;
import org.junit.jupiter.api.Test;

/** Which notifications may be applied as they are, and which send the router to the change table. */
class PushedChangesTest {
    @Test
    void changesRightAfterTheHeldVersionAreAppliedInOrderWhateverOrderTheyCameIn() {
        PushedChanges pushed = new PushedChanges();
        pushed.offer("12 user 3");
        pushed.offer("11 token 90211");
        pushed.offer("10 price gpt-4o");
        assertThat(pushed.drainFollowing(10))
                .hasValueSatisfying(changes -> assertThat(changes)
                        .containsExactly(
                                new ConfigChange(11, ConfigChange.Kind.TOKEN, "90211"),
                                new ConfigChange(12, ConfigChange.Kind.USER, "3")));
        assertThat(pushed.drainFollowing(12)).as("drained").isEmpty();
    }

    @Test
    void aGapAMalformedPayloadOrASubscriptionSendsTheRouterToTheChangeTable() {
        PushedChanges gap = new PushedChanges();
        gap.offer("13 token 1");
        assertThat(gap.drainFollowing(11)).isEmpty();

        PushedChanges malformed = new PushedChanges();
        malformed.offer("12 token 1");
        malformed.offer("13 widget 9");
        assertThat(malformed.drainFollowing(11)).isEmpty();

        PushedChanges subscribed = new PushedChanges();
        subscribed.offer(null);
        subscribed.offer("12 option");
        assertThat(subscribed.drainFollowing(11)).isEmpty();
        subscribed.offer("13 option");
        assertThat(subscribed.drainFollowing(12))
                .as("the unknown was answered once")
                .hasValueSatisfying(
                        c -> assertThat(c).containsExactly(new ConfigChange(13, ConfigChange.Kind.OPTION, null)));
    }
}
