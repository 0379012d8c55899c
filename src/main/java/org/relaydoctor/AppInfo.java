package org.relaydoctor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/// The program's name, id and version, as stamped by the build.
public final class AppInfo {
    public static final String NAME = "Relay Doctor";
    /// The reverse-DNS application id used by desktop entries, icons and window classes.
    public static final String ID = "org.relaydoctor.RelayDoctor";

    private static final Properties BUILD = load();

    private AppInfo() {}

    public static String version() {
        return BUILD.getProperty("version", "dev");
    }

    public static String javafxVersion() {
        return BUILD.getProperty("javafx.version", "?");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
