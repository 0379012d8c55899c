package org.relaydoctor.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Remembers the main window's size and position between runs, in `window.properties` of the config folder.
/// A position that no longer lies on any screen (a monitor was unplugged) is dropped, the size kept.
public final class WindowState {
    /// Asked for at the first message, not at class load: the window's first frame does not wait for the logging set-up.
    private static Logger log() {
        return LoggerFactory.getLogger(WindowState.class);
    }

    private final Path file;

    public WindowState(Path configDir) {
        this.file = configDir.resolve("window.properties");
    }

    /// Applies the saved bounds to `stage`, or the defaults when nothing usable was saved.
    public void restore(Stage stage, double defaultWidth, double defaultHeight) {
        Properties p = read().orElseGet(Properties::new);
        double w = number(p, "width", defaultWidth);
        double h = number(p, "height", defaultHeight);
        stage.setWidth(Math.max(640, w));
        stage.setHeight(Math.max(420, h));
        double x = number(p, "x", Double.NaN);
        double y = number(p, "y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y) && onSomeScreen(x, y)) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(Boolean.parseBoolean(p.getProperty("maximized", "false")));
    }

    /// Saves the stage's bounds; a failure is logged, never shown: losing a window position is harmless.
    public void save(Stage stage) {
        Properties p = new Properties();
        p.setProperty("maximized", Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized()) {
            p.setProperty("x", Double.toString(stage.getX()));
            p.setProperty("y", Double.toString(stage.getY()));
            p.setProperty("width", Double.toString(stage.getWidth()));
            p.setProperty("height", Double.toString(stage.getHeight()));
        } else {
            read().ifPresent(old -> old.stringPropertyNames().stream()
                    .filter(k -> !k.equals("maximized"))
                    .forEach(k -> p.setProperty(k, old.getProperty(k))));
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "window", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Relay Doctor window state");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log().warn("Could not save the window state to {}: {}", file, e.toString());
        }
    }

    private Optional<Properties> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            return Optional.of(p);
        } catch (IOException | IllegalArgumentException e) {
            log().warn("Ignoring unreadable window state {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private static double number(Properties p, String key, double fallback) {
        try {
            double v = Double.parseDouble(p.getProperty(key, ""));
            return Double.isFinite(v) ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean onSomeScreen(double x, double y) {
        for (Screen s : Screen.getScreens()) {
            Rectangle2D b = s.getVisualBounds();
            if (b.contains(x + 40, y + 20)) {
                return true;
            }
        }
        return false;
    }
}
