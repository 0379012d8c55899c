package org.relaydoctor.app;

import javafx.application.Application;

/// Kept apart from {@link Main} so that the command line never loads a JavaFX class.
final class GuiLauncher {
    private GuiLauncher() {}

    static void launch(String[] args, AppDirs dirs) {
        // With software rendering (virtual machines, remote desktops) this cache of drawn backgrounds is an 8 MB
        // texture on the Java heap; a window of a few dozen controls draws as fast without it.
        if (System.getProperty("prism.disableRegionCaching") == null) {
            System.setProperty("prism.disableRegionCaching", "true");
        }
        WindowPreload.begin(dirs);
        Application.launch(RelayDoctorApp.class, args);
    }
}
