package org.relaydoctor.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ErrorManager;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/// The log file: `relay-doctor.0.log` in the folder named by {@link LogConfiguration#LOG_DIR_PROPERTY}, rotated
/// through three files of 2 MB (the JDK's FileHandler). It is opened at the first message, not when the LogManager
/// starts: JavaFX starts that on the window's thread, which must not wait for the disk.
public final class LogFile extends Handler {
    static final int LIMIT_BYTES = 2 * 1024 * 1024;
    static final int FILES = 3;

    private FileHandler file;
    private boolean failed;

    public LogFile() {
        setLevel(Level.ALL);
        setFormatter(new LineFormat());
    }

    /// The folder the log goes to: the configured one, else the temporary folder.
    static Path folder() {
        return Path.of(System.getProperty(LogConfiguration.LOG_DIR_PROPERTY, System.getProperty("java.io.tmpdir")));
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record) || failed) {
            return;
        }
        if (file == null) {
            try {
                Path dir = folder();
                Files.createDirectories(dir);
                file = new FileHandler(dir.resolve("relay-doctor.%g.log").toString(), LIMIT_BYTES, FILES, true);
                file.setFormatter(getFormatter());
                file.setEncoding("UTF-8");
            } catch (IOException | RuntimeException e) {
                failed = true; // reported once; the program runs on without a log
                reportError("Cannot open the log file in " + folder(), e, ErrorManager.OPEN_FAILURE);
                return;
            }
        }
        file.publish(record);
    }

    @Override
    public synchronized void flush() {
        if (file != null) {
            file.flush();
        }
    }

    @Override
    public synchronized void close() {
        if (file != null) {
            file.close();
        }
    }

    /// `2026-11-29 10:15:02,123 INFO    [log-init] o.r.app.RelayDoctorApp - message`, and the stack of a throwable.
    static final class LineFormat extends Formatter {
        private static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS").withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder(160)
                    .append(TIME.format(record.getInstant())).append(' ')
                    .append(String.format("%-7s", record.getLevel().getName()))
                    .append(" [").append(Thread.currentThread().getName()).append("] ") // FileHandler publishes on the caller's thread
                    .append(shortName(record.getLoggerName())).append(" - ").append(formatMessage(record))
                    .append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter stack = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(stack));
                line.append(stack);
            }
            return line.toString();
        }

        /// `org.relaydoctor.app.RelayDoctorApp` as `o.r.app.RelayDoctorApp`: packages but the last one shortened.
        static String shortName(String name) {
            if (name == null) {
                return "";
            }
            String[] parts = name.split("\\.");
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                boolean keep = i >= parts.length - 2 || parts[i].isEmpty();
                out.append(keep ? parts[i] : parts[i].substring(0, 1));
                if (i < parts.length - 1) {
                    out.append('.');
                }
            }
            return out.toString();
        }
    }
}
