package ai.burncloud.common;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the router's logs go: {@code LOG_FILE}, {@code ACCESS_LOG}, {@code ACCESS_LOG_FILE}. Built by
 * {@link ConfigLoader#logging}; the launcher applies it, the gateway itself never reads it.
 */
public record LoggingConfig(Optional<Path> logFile, boolean accessLog, Optional<Path> accessLogFile) {}
