package org.relaydoctor.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.relaydoctor.check.CheckOptions;
import org.relaydoctor.profile.SessionSecretStore;
import org.relaydoctor.ui.check.ScriptedCheckRunner;
import org.relaydoctor.ui.common.TaskRunner;
import org.relaydoctor.ui.profiles.ProfileStorage;
import org.relaydoctor.ui.results.ResultsActions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Check > Send a test message…: nothing is sent without the confirmation, which names sender, server and recipient.
@ExtendWith(ApplicationExtension.class)
class TestSendFlowTest {
    private final AtomicReference<CheckOptions> lastOptions = new AtomicReference<>();

    @TempDir
    Path config;

    @Start
    void start(Stage stage) {
        ShellServices services = new ShellServices(config, ProfileStorage.inMemory(), new SessionSecretStore(),
                TaskRunner.direct(), Optional.of(options -> {
                    lastOptions.set(options);
                    return new ScriptedCheckRunner(false);
                }), ResultsActions.none(), Optional.empty());
        new MainWindow(stage, services, Locale.ENGLISH).show();
    }

    private static void fill(FxRobot robot, String query, String value) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> field.setText(value));
    }

    private void openDialog(FxRobot robot) throws Exception {
        MenuItem item = robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "testSendItem".equals(i.getId())).findFirst().orElseThrow();
        assertThat(item.isDisable()).isFalse();
        Platform.runLater(item::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#testSendTo").tryQuery().isPresent());
    }

    @Test
    void cancellingSendsNothingAndConfirmingAsksForTheTestSend(FxRobot robot) throws Exception {
        robot.clickOn("#createFirstProfileButton");
        robot.clickOn("#emailField").write("anna@example.ru");
        fill(robot, "#incomingHostField", "pop.example.ru");
        fill(robot, "#outgoingHostField", "smtp.example.ru");
        fill(robot, "#loginField", "anna");
        fill(robot, "#passwordField", "secret");
        WaitForAsyncUtils.waitForFxEvents();

        openDialog(robot);
        assertThat(robot.lookup("#testSendSummary").queryAs(Label.class).getText()).contains("anna@example.ru")
                .contains("smtp.example.ru");
        assertThat(robot.lookup("#testSendTo").queryAs(TextField.class).getText()).isEqualTo("anna@example.ru");
        robot.interact(() -> robot.lookup("#testSendTo").queryAs(TextField.class).getScene().getWindow().hide());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lastOptions.get()).as("no check without confirmation").isNull();

        openDialog(robot);
        fill(robot, "#testSendTo", "not an address");
        assertThat(robot.lookup("#testSendOk").queryButton().isDisabled()).isTrue();
        fill(robot, "#testSendTo", "support@provider.example");
        assertThat(robot.lookup("#testSendOk").queryButton().isDisabled()).isFalse();
        robot.clickOn("#testSendOk");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lastOptions.get() != null);
        assertThat(lastOptions.get().testSend()).isTrue();
        assertThat(lastOptions.get().testMessage().recipient()).contains("support@provider.example");
    }
}
