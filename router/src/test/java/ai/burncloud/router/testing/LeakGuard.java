package ai.burncloud.router.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty's leak detector (paranoid in every router and end-to-end test run)
 * reports a buffer that was garbage-collected without being released. Registered automatically
 * through the ServiceLoader (junit-platform.properties enables extension autodetection).
 */
public final class LeakGuard implements AfterAllCallback {
    private static final List<String> LEAKS = new ArrayList<>();

    static {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> found = collectLeaks();
        if (!found.isEmpty()) {
            throw new AssertionError("Netty buffer leak(s) detected in " + context.getDisplayName() + ":\n"
                    + String.join("\n----\n", found));
        }
    }

    /** Forces leak detection to run and returns (and forgets) every leak reported so far. */
    public static List<String> collectLeaks() {
        // leaks are found when a collected tracker is polled, which happens on the next tracked allocation
        for (int i = 0; i < 5; i++) {
            System.gc();
            System.runFinalization();
            for (int j = 0; j < 64; j++) {
                ByteBuf b = PooledByteBufAllocator.DEFAULT.buffer(16);
                b.release();
                ByteBuf u = UnpooledByteBufAllocator.DEFAULT.directBuffer(16);
                u.release();
            }
        }
        synchronized (LEAKS) {
            List<String> found = new ArrayList<>(LEAKS);
            LEAKS.clear();
            return found;
        }
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(
                Class<T> resource, int samplingInterval, long maxActive) {
            return new ResourceLeakDetector<>(resource, samplingInterval) {
                @Override
                protected boolean needReport() {
                    return true;
                }

                @Override
                protected void reportTracedLeak(String resourceType, String records) {
                    synchronized (LEAKS) {
                        LEAKS.add("LEAK " + resourceType + records);
                    }
                }

                @Override
                protected void reportUntracedLeak(String resourceType) {
                    synchronized (LEAKS) {
                        LEAKS.add("LEAK " + resourceType + " (untraced)");
                    }
                }
            };
        }
    }
}
