package ai.burncloud.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Log levels set at run time: admin commands keep quiet (warnings and errors only), the router logs
 * at the configured LOG_LEVEL. Every logger inherits from the root, except the connection pool's and
 * the migrator's, which stay at WARN unless LOG_LEVEL is debug or trace.
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
        Level root = Level.toLevel(level, Level.INFO);
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(root);
        if (root.isGreaterOrEqual(Level.INFO)) {
            // pool and migration start-up chatter says nothing an operator acts on
            for (String chatty : new String[] {"com.zaxxer.hikari", "org.flywaydb"}) {
                context.getLogger(chatty).setLevel(root.isGreaterOrEqual(Level.WARN) ? root : Level.WARN);
            }
        }
    }
}
