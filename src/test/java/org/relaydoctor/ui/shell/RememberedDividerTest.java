package org.relaydoctor.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/// The divider between the profile list and the work area comes back where the user left it, at the window's
/// remembered size, however the window is shown.
@ExtendWith(ApplicationExtension.class)
class RememberedDividerTest {
    @TempDir
    Path config;

    private Stage stage;

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::hide);
    }

    @ParameterizedTest(name = "shown quickly: {0}")
    @ValueSource(booleans = {false, true})
    void theDividerIsWhereTheUserLeftIt(boolean quickly, FxRobot robot) throws Exception {
        ShellPreferences preferences = new ShellPreferences(config);
        preferences.setDivider(0.42);
        preferences.save();
        robot.interact(() -> {
            stage = new Stage();
            MainWindow window = new MainWindow(stage, config, Locale.ENGLISH);
            Consumer<MainWindow> show = quickly ? MainWindow::showQuickly : MainWindow::show;
            show.accept(window);
        });
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        SplitPane split = (SplitPane) stage.getScene().lookup("#mainSplit");
        assertThat(split.getWidth()).isGreaterThan(1000);
        assertThat(split.getDividerPositions()[0]).isCloseTo(0.42, within(0.005));
    }
}
