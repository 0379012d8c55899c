package org.relaydoctor.app;

import javafx.application.Application;

/// Kept apart from {@link Main} so that the command line never loads a JavaFX class.
final class GuiLauncher {
    private GuiLauncher() {}

    static void launch(String[] args) {
        Application.launch(RelayDoctorApp.class, args);
    }
}
