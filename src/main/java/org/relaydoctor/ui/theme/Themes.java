package org.relaydoctor.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.net.URL;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;

/// Puts the light or dark theme on the application. With {@link Choice#SYSTEM} it follows the system's colour
/// scheme and switches when the system does.
public final class Themes {
    /// The build's binary form of app.css (the window then never loads the CSS parser); the source when run without it.
    private static final String APP_CSS = Optional.ofNullable(Themes.class.getResource("app.bss"))
            .orElseGet(() -> Themes.class.getResource("app.css")).toExternalForm();

    /// The theme the user picked in the menu.
    public enum Choice {
        /// Follow the system's light or dark setting.
        SYSTEM,
        /// Always light.
        LIGHT,
        /// Always dark.
        DARK
    }

    private Choice choice = Choice.SYSTEM;
    private Scene scene;
    private final ChangeListener<ColorScheme> systemChanged = (o, was, now) -> refresh();

    /// Styles `scene` (the app's sheet on top of the theme) and keeps following the system when asked.
    public void attach(Scene scene, Choice choice) {
        this.scene = scene;
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
        Platform.getPreferences().colorSchemeProperty().removeListener(systemChanged);
        Platform.getPreferences().colorSchemeProperty().addListener(systemChanged);
        select(choice);
    }

    public void select(Choice value) {
        this.choice = value;
        refresh();
    }

    public Choice choice() {
        return choice;
    }

    /// Whether the dark theme is in effect now.
    public boolean dark() {
        return switch (choice) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        };
    }

    /// The build's Primer sheet without the rules of controls the app never shows (src/build/theme/ThemeTrim.java): half
    /// the rules to load and match. AtlantaFX's own when run without the build. Both are the precompiled binary form:
    /// parsing the 160 KB text form was a visible part of the start-up.
    static String primer(boolean dark) {
        URL trimmed = Themes.class.getResource(dark ? "primer-dark.bss" : "primer-light.bss");
        if (trimmed != null) {
            return trimmed.toExternalForm();
        }
        return dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
    }

    private void refresh() {
        boolean dark = dark();
        String sheet = primer(dark);
        if (!sheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(sheet);
        }
        if (scene != null) {
            scene.getRoot().getStyleClass().removeAll("theme-dark", "theme-light");
            scene.getRoot().getStyleClass().add(dark ? "theme-dark" : "theme-light");
        }
    }
}
