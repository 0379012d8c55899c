package org.relaydoctor.app;

/// Points the logging backend at the log folder before the first logger is created. The rest of
/// the configuration (a rotating file, warnings to stderr) is in `logback.xml`.
final class LoggingSetup {
    private LoggingSetup() {}

    static void init(AppDirs dirs) {
        System.setProperty("relaydoctor.logdir", dirs.logs().toString());
    }
}
