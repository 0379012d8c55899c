package org.relaydoctor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DesktopPlatformClassesTest {
    /// The tests run on JavaFX's headless platform, as the training does: the GTK classes must load there without
    /// being started (initialising GtkApplication would load the GTK libraries, fail, and leave it off the list).
    @Test
    void loadsTheDesktopPlatformsClassesWithoutStartingThem() {
        List<String> names = DesktopPlatformClasses.load();

        assertThat(names).contains("com.sun.glass.ui.gtk.GtkApplication", "com.sun.glass.ui.gtk.GtkWindow",
                "com.sun.prism.es2.ES2Pipeline");
        assertThat(names).noneMatch(n -> n.contains(".headless.") || n.contains(".screencast."));
    }
}
