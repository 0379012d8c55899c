package org.relaydoctor.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogConfigurationTest {
    @Test
    void writesInfoAndAboveToTheLogFolderAndNothingBelow(@TempDir Path dir) throws Exception {
        String before = System.getProperty(LogConfiguration.LOG_DIR_PROPERTY);
        System.setProperty(LogConfiguration.LOG_DIR_PROPERTY, dir.toString());
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // a bare context has none
        try {
            new LogConfiguration().configure(context);
            context.getLogger("test").info("hello from the test");
            context.getLogger("test").debug("too chatty");
        } finally {
            context.stop();
            if (before == null) System.clearProperty(LogConfiguration.LOG_DIR_PROPERTY);
            else System.setProperty(LogConfiguration.LOG_DIR_PROPERTY, before);
        }
        String log = Files.readString(dir.resolve("relay-doctor.log"));
        assertThat(log).contains("INFO", "hello from the test").doesNotContain("too chatty");
    }
}
