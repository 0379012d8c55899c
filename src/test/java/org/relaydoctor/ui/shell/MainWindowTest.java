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

    /// Closing saves what is pending at once: no debounced save writes into the folder while JUnit deletes it.
    @org.junit.jupiter.api.AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::hide);
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
    void theWindowGetsItsIconsInAllSizesOnceShown() throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> stage.getIcons().size() == 6 && stage.getIcons().stream().allMatch(i -> i.getProgress() == 1.0));
        assertThat(stage.getIcons()).extracting(javafx.scene.image.Image::getWidth)
                .containsExactly(16.0, 32.0, 48.0, 64.0, 128.0, 256.0);
        assertThat(stage.getIcons()).noneMatch(javafx.scene.image.Image::isError);
    }

    @Test
    void createButtonReactsToAClick(FxRobot robot) {
        robot.clickOn("#createFirstProfileButton");
        assertThat(robot.lookup("#statusText").queryAs(Label.class).getText()).isEqualTo("New profile");
    }

    @Test
    void explainViewOpensFromTheKeyboardAndKeepsItsTextAcrossALanguageSwitch(FxRobot robot) throws Exception {
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.E)
                .release(javafx.scene.input.KeyCode.E, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextArea input = robot.lookup("#explainInput").queryAs(javafx.scene.control.TextArea.class);
        org.testfx.util.WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> input.getScene().getFocusOwner() == input);

        robot.write("550 5.7.1 Relay access denied");
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#verdictCode").queryAs(Label.class).getText().contains("AUTH_REQUIRED"));

        robot.interact(() -> menuItem(robot, "language-ru").fire());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#explainInput").queryAs(javafx.scene.control.TextArea.class).getText())
                .isEqualTo("550 5.7.1 Relay access denied");
        assertThat(robot.lookup("#explainTitle").queryAs(Label.class).getText()).isNotEqualTo("Explain an error");
        robot.interact(() -> menuItem(robot, "language-en").fire());
    }

    @Test
    void checkThisAccountTurnsTheExplainedTextIntoAProfile(FxRobot robot) throws Exception {
        robot.clickOn("#emptyExplainButton");
        javafx.scene.control.TextArea input = robot.lookup("#explainInput").queryAs(javafx.scene.control.TextArea.class);
        robot.interact(() -> input.setText("Account: 'alice@example.com', Server: 'smtp.example.com', Protocol: SMTP, "
                + "Server Response: '550 5.7.1 Unable to relay', Port: 25, Secure(SSL): No, Error Number: 0x800CCC79"));
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> !robot.lookup("#checkAccountButton").queryButton().isDisabled());

        robot.clickOn("#checkAccountButton");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#emailField").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("alice@example.com");
        assertThat(robot.lookup("#outgoingHostField").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("smtp.example.com");
        assertThat(robot.lookup("#outgoingPortField").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("25");
        assertThat(robot.lookup("#explainInput").tryQuery()).isEmpty();
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        java.util.ArrayDeque<MenuItem> todo = new java.util.ArrayDeque<>(robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus());
        while (!todo.isEmpty()) {
            MenuItem item = todo.pop();
            if (id.equals(item.getId())) {
                return item;
            }
            if (item instanceof javafx.scene.control.Menu menu) {
                todo.addAll(menu.getItems());
            }
        }
        throw new AssertionError("no menu item " + id);
    }
}
