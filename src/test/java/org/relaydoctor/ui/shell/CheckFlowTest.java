package org.relaydoctor.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.profile.SessionSecretStore;
import org.relaydoctor.ui.check.ScriptedCheckRunner;
import org.relaydoctor.ui.common.TaskRunner;
import org.relaydoctor.ui.profiles.ProfileStorage;
import org.relaydoctor.ui.results.ResultsActions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The main flows through the whole window: create a profile, see validation, check, read the verdict, apply the
/// fix, cancel. The engine is a scripted fixture here; `DemoCheckIT` runs the real one.
@ExtendWith(ApplicationExtension.class)
class CheckFlowTest {
    private final Messages ui = Messages.load("ui", Locale.ENGLISH);
    private final Messages verdicts = Messages.load("verdicts", Locale.ENGLISH);
    private final AtomicReference<ScriptedCheckRunner> lastRunner = new AtomicReference<>();
    private volatile boolean stall;
    private final AtomicReference<org.relaydoctor.check.CheckOptions> lastOptions = new AtomicReference<>();

    @TempDir
    Path config;

    @Start
    void start(Stage stage) {
        ShellServices services = new ShellServices(config, ProfileStorage.inMemory(), new SessionSecretStore(), TaskRunner.direct(),
                Optional.of(options -> {
                    lastOptions.set(options);
                    ScriptedCheckRunner runner = new ScriptedCheckRunner(stall);
                    lastRunner.set(runner);
                    return runner;
                }), ResultsActions.none(), Optional.empty());
        new MainWindow(stage, services, Locale.ENGLISH).show();
    }

    private void createValidProfile(FxRobot robot) {
        robot.clickOn("#createFirstProfileButton");
        robot.clickOn("#emailField").write("a@b.io");
        fill(robot, "#incomingHostField", "imap.example.com");
        fill(robot, "#outgoingHostField", "smtp.example.com");
        fill(robot, "#loginField", "anna");
        fill(robot, "#passwordField", "secret");
    }

    /// Sets a field's text through the control itself (typing every character is slow on the headless robot).
    private static void fill(FxRobot robot, String query, String value) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> field.setText(value));
    }

    @Test
    void validationShowsNextToTheFieldAndBlocksTheCheck(FxRobot robot) {
        robot.clickOn("#createFirstProfileButton");
        robot.clickOn("#emailField").write("anna.example.com");
        WaitForAsyncUtils.waitForFxEvents();

        Label message = robot.lookup("#emailMessage").queryAs(Label.class);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo(ui.get("validation.email.noAt"));
        assertThat(robot.lookup("#checkButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#checkInvalidHint").queryAs(Label.class).isVisible()).isTrue();

        fill(robot, "#outgoingPortField", "465");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#outgoingPortMessage").queryAs(Label.class).getText())
                .isEqualTo(ui.get("validation.pair.implicitTlsPort"));

        fill(robot, "#emailField", "anna@пример.рф");
        fill(robot, "#incomingHostField", "imap.example.com");
        fill(robot, "#outgoingHostField", "smtp.example.com");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#emailMessage").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#checkButton").queryButton().isDisabled()).isFalse();
    }

    @Test
    void checkShowsTheVerdictCardAndTheFixCanBeApplied(FxRobot robot) throws Exception {
        createValidProfile(robot);
        robot.clickOn("#smtpAuthRequiredCheck"); // off: the scripted server will ask for it
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#smtpAuthRequiredCheck").queryAs(CheckBox.class).isSelected()).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#verdictCard").tryQuery().isPresent());

        assertThat(robot.lookup("#verdictTitle").queryAs(Label.class).getText())
                .isEqualTo(verdicts.get("verdict.AUTH_REQUIRED.title"));
        java.util.List<String> fix = verdicts.list("verdict.AUTH_REQUIRED.fix");
        assertThat(robot.lookup("#fixSteps").queryAs(VBox.class).getChildren())
                .extracting(n -> ((Label) n).getText())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, fix.size())
                        .mapToObj(i -> (i + 1) + ". " + fix.get(i)).toList());
        assertThat(robot.lookup("#verifiedBadge").tryQuery()).isPresent();
        assertThat(robot.lookup("#statusText").queryAs(Label.class).getText()).startsWith("Done:");

        robot.clickOn("#applyFixButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#applyFixStatus").queryAs(Label.class).getText()).isEqualTo(ui.get("results.applyFix.done"));
        javafx.scene.control.TabPane tabs = robot.lookup("#workTabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(0));
        assertThat(robot.lookup("#smtpAuthRequiredCheck").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#sameAsIncomingRadio").queryAs(javafx.scene.control.RadioButton.class).isSelected())
                .isTrue();
    }

    @Test
    void aRunningCheckCanBeCancelled(FxRobot robot) throws Exception {
        stall = true;
        createValidProfile(robot);
        robot.clickOn("#checkButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#stepList .step-spinner").tryQuery().isPresent());
        Button cancel = robot.lookup("#cancelButton").queryButton();
        assertThat(cancel.isVisible()).isTrue();

        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#cancelButton").queryButton().isVisible());
        assertThat(lastRunner.get().wasCancelled()).isTrue();
        assertThat(robot.lookup("#statusText").queryAs(Label.class).getText()).isEqualTo(ui.get("status.checkCancelled"));
        assertThat(robot.lookup("#verdictCard").tryQuery()).isEmpty();
        Node icon = robot.lookup("#stepList .step-cancelled").query();
        assertThat(icon).isNotNull();
        assertThat(robot.lookup("#checkButton").queryButton().isDisabled()).isFalse();
    }

    @Test
    void theDnsServerSetInTheMenuIsUsedByTheCheck(FxRobot robot) throws Exception {
        javafx.scene.control.MenuItem item = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class)
                .getMenus().get(1).getItems().stream().filter(i -> "dnsServerItem".equals(i.getId())).findFirst()
                .orElseThrow();
        javafx.application.Platform.runLater(item::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dnsServerField").tryQuery().isPresent());
        TextField field = robot.lookup("#dnsServerField").queryAs(TextField.class);
        robot.interact(() -> field.setText("192.0.2.53:5353:x"));
        assertThat(robot.lookup("#dnsServerMessage").queryAs(Label.class).getText()).isEqualTo(ui.get("dnsServer.invalid"));
        assertThat(robot.lookup("#dnsServerOk").queryButton().isDisabled()).isTrue();
        robot.interact(() -> field.setText("192.0.2.53:5353"));
        assertThat(robot.lookup("#dnsServerOk").queryButton().isDisabled()).isFalse();
        robot.clickOn("#dnsServerOk");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statusText").queryAs(Label.class).getText())
                .isEqualTo(ui.get("dnsServer.status.set", "192.0.2.53:5353"));

        createValidProfile(robot);
        robot.clickOn("#checkButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lastOptions.get() != null);
        assertThat(lastOptions.get().dnsServer()).hasValueSatisfying(a -> {
            assertThat(a.getHostString()).isEqualTo("192.0.2.53");
            assertThat(a.getPort()).isEqualTo(5353);
        });
        assertThat(new ShellPreferences(config).dnsServer()).as("remembered").isEqualTo("192.0.2.53:5353");
    }
}
