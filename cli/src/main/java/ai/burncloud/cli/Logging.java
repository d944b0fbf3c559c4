package ai.burncloud.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Log levels set at run time: admin commands keep quiet (warnings and errors only), the router logs
 * at the configured LOG_LEVEL. Every logger inherits from the root, so one level rules them all.
 */
final class Logging {
    private Logging() {}

    static void quiet() {
        level("warn");
    }

    static void level(String level) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        for (Logger logger : context.getLoggerList()) {
            if (!logger.getName().equals(Logger.ROOT_LOGGER_NAME)) {
                logger.setLevel(null);
            }
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level, Level.INFO));
    }
}
