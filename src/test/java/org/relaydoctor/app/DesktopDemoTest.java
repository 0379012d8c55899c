package org.relaydoctor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.profile.SessionSecretStore;
import org.relaydoctor.profile.TrustedCertificates;
import org.relaydoctor.ui.common.BackgroundTaskRunner;
import org.relaydoctor.ui.profiles.ProfileStorage;
import org.relaydoctor.ui.results.ResultsActions;
import org.relaydoctor.ui.shell.MainWindow;
import org.relaydoctor.ui.shell.ShellServices;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The desktop window on the real engine and the built-in demo servers (all on 127.0.0.1).
@ExtendWith(ApplicationExtension.class)
class DesktopDemoTest {
    private final Messages ui = Messages.load("ui", Locale.ENGLISH);
    private final Messages verdicts = Messages.load("verdicts", Locale.ENGLISH);
    private final BuiltInDemo demo = new BuiltInDemo();

    @TempDir
    Path config;

    @Start
    void start(Stage stage) {
        ShellServices services = new ShellServices(config, ProfileStorage.inMemory(), new SessionSecretStore(),
                new BackgroundTaskRunner(), Optional.of(EngineCheckRunner.factory(new TrustedCertificates(config))),
                ResultsActions.none(),
                Optional.of(demo));
        new MainWindow(stage, services, Locale.ENGLISH).show();
    }

    @AfterEach
    void stopDemo() {
        demo.close();
    }

    /// Looks at the scene on the FX thread: from the test thread a lookup can meet a list being changed.
    private static boolean onFx(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS);
    }

    private String verdictTitle(FxRobot robot) {
        return robot.lookup("#verdictTitle").queryAs(Label.class).getText();
    }

    @Test
    void demoChecksARealServerAndTheAppliedFixMakesItRelay(FxRobot robot) throws Exception {
        robot.clickOn("#tryDemoButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#verdictCard").tryQuery().isPresent()));
        assertThat(verdictTitle(robot)).isEqualTo(verdicts.get("verdict.AUTH_REQUIRED.title"));
        assertThat(robot.lookup("#fixSteps").queryAs(javafx.scene.layout.VBox.class).getChildren())
                .hasSize(verdicts.list("verdict.AUTH_REQUIRED.fix").size());

        robot.clickOn("#applyFixButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#applyFixStatus").queryAs(Label.class).getText())
                .isEqualTo(ui.get("results.applyFix.done"));

        robot.clickOn("#checkButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#verdictCard").tryQuery().isPresent()
                && verdictTitle(robot).equals(verdicts.get("verdict.OK.title"))));
        assertThat(robot.lookup("#statusText").queryAs(Label.class).getText())
                .isEqualTo(ui.get("status.checked", verdicts.get("verdict.OK.title")));
    }

    @Test
    void cancelStopsACheckOfAServerThatNeverGreets(FxRobot robot) throws Exception {
        // Accepts connections into its backlog and never says a word.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            robot.clickOn("#createFirstProfileButton");
            set(robot, "#emailField", "anna@example.com");
            set(robot, "#incomingHostField", "127.0.0.1");
            set(robot, "#outgoingHostField", "127.0.0.1");
            set(robot, "#outgoingPortField", Integer.toString(silent.getLocalPort()));
            set(robot, "#timeoutField", "600");
            robot.interact(() -> robot.lookup("#outgoingSecurityCombo")
                    .queryAs(javafx.scene.control.ComboBox.class).getSelectionModel().select(0));
            robot.clickOn("#checkButton");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> onFx(() -> robot.lookup("#stepList .step-spinner").tryQuery().isPresent()));

            robot.clickOn("#cancelButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> onFx(() -> !robot.lookup("#cancelButton").queryButton().isVisible()));
            assertThat(robot.lookup("#statusText").queryAs(Label.class).getText())
                    .isEqualTo(ui.get("status.checkCancelled"));
            assertThat(robot.lookup("#stepList .step-spinner").tryQuery()).isEmpty();
        }
    }

    private static void set(FxRobot robot, String query, String value) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> field.setText(value));
    }
}
