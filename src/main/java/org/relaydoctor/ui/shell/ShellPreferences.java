package org.relaydoctor.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.relaydoctor.ui.theme.Themes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The shell's remembered choices, in `ui-preferences.properties` of the config folder: the language
/// (empty = the system's), the theme, and the divider between the profile list and the work area.
public final class ShellPreferences {
    private static final Logger LOG = LoggerFactory.getLogger(ShellPreferences.class);

    private final Path file;
    private final Properties values = new Properties();

    public ShellPreferences(Path configDir) {
        this.file = configDir.resolve("ui-preferences.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Ignoring unreadable preferences {}: {}", file, e.toString());
            }
        }
    }

    /// The language picked in the menu; empty means "follow the system".
    public synchronized Optional<Locale> language() {
        String tag = values.getProperty("language", "");
        return tag.isBlank() ? Optional.empty() : Optional.of(Locale.forLanguageTag(tag));
    }

    public synchronized void setLanguage(Optional<Locale> language) {
        values.setProperty("language", language.map(Locale::toLanguageTag).orElse(""));
    }

    public synchronized Themes.Choice theme() {
        try {
            return Themes.Choice.valueOf(values.getProperty("theme", "SYSTEM"));
        } catch (IllegalArgumentException e) {
            return Themes.Choice.SYSTEM;
        }
    }

    public synchronized void setTheme(Themes.Choice theme) {
        values.setProperty("theme", theme.name());
    }

    public synchronized double divider() {
        try {
            double v = Double.parseDouble(values.getProperty("divider", "0.27"));
            return v > 0.05 && v < 0.8 ? v : 0.27;
        } catch (NumberFormatException e) {
            return 0.27;
        }
    }

    public synchronized void setDivider(double position) {
        values.setProperty("divider", Double.toString(position));
    }

    /// Writes the file (temp file + atomic move); a failure is logged: losing a preference is harmless.
    public void save() {
        Properties copy;
        synchronized (this) {
            copy = (Properties) values.clone();
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "ui-preferences", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                copy.store(out, "Relay Doctor preferences");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not save preferences to {}: {}", file, e.toString());
        }
    }
}
