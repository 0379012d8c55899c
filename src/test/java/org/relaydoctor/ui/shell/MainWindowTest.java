package org.relaydoctor.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    Path config;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new MainWindow(stage, config, Locale.ENGLISH).show();
    }

    @Test
    void showsTitleMenuAndEmptyState(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("Relay Doctor");

        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertThat(bar.getMenus()).extracting(m -> m.getText()).containsExactly("_File", "_Check", "_View", "_Help");
        MenuItem export = bar.getMenus().getFirst().getItems().stream()
                .filter(i -> "exportReportItem".equals(i.getId())).findFirst().orElseThrow();
        assertThat(export.isDisable()).as("export waits for a result").isTrue();

        assertThat(robot.lookup("#emptyStateText").queryAs(Label.class).getText()).contains("No account profiles yet");
        assertThat(robot.lookup("#createFirstProfileButton").queryAs(Button.class).getText())
                .isEqualTo("Create your first account profile");
        assertThat(robot.lookup("#statusText").queryAs(Label.class).getText()).isEqualTo("Ready");
    }

    @Test
    void createButtonReactsToAClick(FxRobot robot) {
        robot.clickOn("#createFirstProfileButton");
        assertThat(robot.lookup("#statusText").queryAs(Label.class).getText()).isEqualTo("New profile");
    }
}
