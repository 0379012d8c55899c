package org.relaydoctor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogConfigurationTest {
    @Test
    void theFileOpensAtTheFirstMessageInTheLogFolderWithThreadAndShortLoggerName(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("logs");
        String before = System.getProperty(LogConfiguration.LOG_DIR_PROPERTY);
        System.setProperty(LogConfiguration.LOG_DIR_PROPERTY, folder.toString());
        LogFile file = new LogFile();
        try {
            assertThat(folder).as("nothing on disk before a message").doesNotExist();
            LogRecord record = new LogRecord(Level.INFO, "hello {0}");
            record.setParameters(new Object[] {"from the test"});
            record.setLoggerName("org.relaydoctor.app.RelayDoctorApp");
            file.publish(record);
            record = new LogRecord(Level.WARNING, "second");
            record.setLoggerName("x");
            record.setThrown(new IllegalStateException("boom"));
            file.publish(record);
        } finally {
            file.close();
            if (before == null) System.clearProperty(LogConfiguration.LOG_DIR_PROPERTY);
            else System.setProperty(LogConfiguration.LOG_DIR_PROPERTY, before);
        }
        String log = Files.readString(folder.resolve("relay-doctor.0.log"));
        assertThat(log).contains("INFO    [" + Thread.currentThread().getName() + "] o.r.app.RelayDoctorApp - hello from the test")
                .contains("WARNING", "second", "IllegalStateException: boom");
    }

    @Test
    void shortNamesKeepTheClassAndItsPackage() {
        assertThat(LogFile.LineFormat.shortName("org.relaydoctor.app.RelayDoctorApp")).isEqualTo("o.r.app.RelayDoctorApp");
        assertThat(LogFile.LineFormat.shortName("Main")).isEqualTo("Main");
        assertThat(LogFile.LineFormat.shortName(null)).isEmpty();
    }

    @Test
    void theSetUpSendsInfoAndAboveToTheFileHandlerAndNothingToTheConsole() throws Exception {
        java.util.logging.LogManager manager = java.util.logging.LogManager.getLogManager();
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        try {
            // The build names this set-up for the tests too: start from none, so only the constructor can make it.
            manager.reset();
            root.setLevel(Level.WARNING);
            assertThat(root.getHandlers()).isEmpty();

            new LogConfiguration();

            assertThat(root.getLevel()).isEqualTo(Level.INFO);
            assertThat(root.getHandlers()).singleElement().isInstanceOf(LogFile.class);
        } finally {
            manager.readConfiguration(); // the set-up the tests run with, again
        }
    }
}
