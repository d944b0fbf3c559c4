package ai.burncloud.cli;

import ai.burncloud.common.LoggingConfig;
import ai.burncloud.service.AccessLog;
import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
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

    private static final String TEXT_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{30} - %msg%n";

    /**
     * Adds the destinations of {@code LOG_FILE} and the access log. Call after {@link #level}: the
     * access logger keeps INFO whatever LOG_LEVEL says, and its lines never reach stderr.
     */
    static void destinations(LoggingConfig config) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        config.logFile()
                .ifPresent(f -> context.getLogger(Logger.ROOT_LOGGER_NAME)
                        .addAppender(rolling(context, "file", f, TEXT_PATTERN)));
        Logger access = context.getLogger(AccessLog.LOGGER);
        access.setAdditive(false);
        if (!config.accessLog()) {
            access.setLevel(Level.OFF);
            return;
        }
        Appender<ILoggingEvent> target = config.accessLogFile()
                .map(f -> rolling(context, "access-file", f, "%msg%n"))
                .orElseGet(() -> stdout(context));
        // the request is settled on an event loop: the line is queued, written by the appender's thread
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("access");
        async.setQueueSize(8192);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(true);
        async.addAppender(target);
        async.start();
        access.addAppender(async);
        access.setLevel(Level.INFO);
    }

    /** Writes out what the asynchronous access log still holds; called before the process exits. */
    static void flush() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(AccessLog.LOGGER).detachAndStopAllAppenders();
        }
    }

    private static Appender<ILoggingEvent> rolling(LoggerContext context, String name, Path file, String pattern) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setFile(file.toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(file + ".%d{yyyy-MM-dd}.%i");
        policy.setMaxFileSize(FileSize.valueOf("50MB"));
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("1GB"));
        policy.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder(context, pattern));
        appender.start();
        return appender;
    }

    private static Appender<ILoggingEvent> stdout(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("access-stdout");
        appender.setTarget("System.out");
        appender.setEncoder(encoder(context, "%msg%n"));
        appender.start();
        return appender;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
