package ai.burncloud.cli;

import ai.burncloud.common.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the product version and the Java runtime. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "burncloud " + Version.current(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
