package org.relaydoctor.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.relaydoctor.ui.shell.MainWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The JavaFX application: builds the main window from the services and shows it.
public final class RelayDoctorApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(RelayDoctorApp.class);
    private static final long START = System.nanoTime();

    @Override
    public void start(Stage stage) {
        AppDirs dirs = AppDirs.detect();
        MainWindow window = new MainWindow(stage, dirs.config(), java.util.Locale.getDefault());
        window.show();
        LOG.info("Window shown {} ms after start", (System.nanoTime() - START) / 1_000_000);
    }
}
