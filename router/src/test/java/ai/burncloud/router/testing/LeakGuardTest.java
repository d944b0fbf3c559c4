package ai.burncloud.router.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The guard that fails the build on buffer leaks must itself be able to see one. */
class LeakGuardTest {
    @Test
    void aBufferDroppedWithoutReleaseIsReported() {
        LeakGuard.collectLeaks(); // start clean
        leakOne();
        long deadline = System.currentTimeMillis() + 10_000;
        java.util.List<String> leaks = LeakGuard.collectLeaks();
        while (leaks.isEmpty() && System.currentTimeMillis() < deadline) {
            leaks = LeakGuard.collectLeaks();
        }
        assertThat(leaks).anySatisfy(l -> assertThat(l).contains("LEAK").contains("leakOne"));
    }

    private static void leakOne() {
        ByteBuf b = PooledByteBufAllocator.DEFAULT.buffer(32);
        b.writeInt(42); // recorded access, then dropped without release()
    }
}
