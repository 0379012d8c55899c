package org.relaydoctor.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/// The log set-up: messages of INFO and above go to {@link LogFile} (a rotating file in the log folder), nothing to
/// the console. SLF4J's JDK binding hands the program's messages to java.util.logging, whose LogManager builds this
/// class when it starts (it is named in `java.util.logging.config.class`, see {@link LoggingSetup}).
/// Never log a password or an AUTH line: everything the engine logs has passed through its Redactor.
public final class LogConfiguration {
    static final String LOG_DIR_PROPERTY = "relaydoctor.logdir";

    public LogConfiguration() throws IOException {
        String properties = "handlers = " + LogFile.class.getName() + "\n.level = INFO\n";
        LogManager.getLogManager().readConfiguration(
                new ByteArrayInputStream(properties.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
