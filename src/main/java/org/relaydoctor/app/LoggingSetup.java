package org.relaydoctor.app;

/// Points the logging backend at the log folder before the first logger is created; {@link LogConfiguration}
/// does the rest when logback starts.
final class LoggingSetup {
    private LoggingSetup() {}

    static void init(AppDirs dirs) {
        System.setProperty(LogConfiguration.LOG_DIR_PROPERTY, dirs.logs().toString());
    }
}
