package org.relaydoctor.app;

/// Points logging at the log folder before the first logger is created: java.util.logging then takes its set-up
/// from {@link LogConfiguration} instead of the runtime's logging.properties (which logs to the console).
final class LoggingSetup {
    private LoggingSetup() {}

    static void init(AppDirs dirs) {
        System.setProperty(LogConfiguration.LOG_DIR_PROPERTY, dirs.logs().toString());
        if (System.getProperty("java.util.logging.config.class") == null
                && System.getProperty("java.util.logging.config.file") == null) {
            System.setProperty("java.util.logging.config.class", LogConfiguration.class.getName());
        }
    }
}
