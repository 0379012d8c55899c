package org.relaydoctor.app;

import javafx.application.Application;
import javafx.stage.Stage;
import java.util.Optional;
import org.relaydoctor.profile.ProfileStore;
import org.relaydoctor.profile.SecretStoreSelector;
import org.relaydoctor.ui.common.BackgroundTaskRunner;
import org.relaydoctor.ui.profiles.ProfileStorage;
import org.relaydoctor.ui.results.ResultsActions;
import org.relaydoctor.ui.shell.MainWindow;
import org.relaydoctor.ui.shell.ShellServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The JavaFX application: builds the main window from the services and shows it.
public final class RelayDoctorApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(RelayDoctorApp.class);
    private static final long START = System.nanoTime();

    @Override
    public void start(Stage stage) {
        AppDirs dirs = AppDirs.detect();
        ShellServices services = new ShellServices(dirs.config(),
                ProfileStorage.of(new ProfileStore(dirs.config())), SecretStoreSelector.forThisMachine(),
                new BackgroundTaskRunner(), Optional.of(EngineCheckRunner::new),
                ResultsActions.none(), Optional.of(new BuiltInDemo()));
        MainWindow window = new MainWindow(stage, services, java.util.Locale.getDefault());
        window.show();
        LOG.info("Window shown {} ms after start", (System.nanoTime() - START) / 1_000_000);
    }
}
