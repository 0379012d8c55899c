package org.relaydoctor.ui.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaydoctor.diagnosis.ExtractedFacts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ExplainViewTest {
    private final AtomicReference<ExtractedFacts> handedOver = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        ExplainView view = new ExplainView(Locale.ENGLISH, handedOver::set);
        stage.setScene(new Scene((javafx.scene.Parent) view.root(), 800, 700));
        stage.show();
    }

    /// Waits until the card shows the answer for the whole text: typing is slow on a loaded machine, so the
    /// debounce may first answer for a part of it.
    private static void waitForEvidence(FxRobot robot, String startOfEvidence) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#evidenceList").queryAs(VBox.class)
                .getChildren().stream().anyMatch(n -> ((Label) n).getText().startsWith(startOfEvidence)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typedReplyShowsTheVerdictCard(FxRobot robot) throws Exception {
        robot.clickOn("#explainInput").write("550 relay not permitted");
        waitForEvidence(robot, "> 550 relay not permitted");
        assertThat(robot.lookup("#verdictTitle").queryAs(Label.class).getText())
                .isEqualTo("The outgoing server relays only for clients that log in");
        assertThat(robot.lookup("#verdictCode").queryAs(Label.class).getText()).contains("AUTH_REQUIRED");
        assertThat(robot.lookup("#fixList").queryAs(VBox.class).getChildren()).isNotEmpty();
        assertThat(robot.lookup("#alternativesList").queryAs(VBox.class).getChildren()).hasSize(3);
        assertThat(robot.lookup("#evidenceList").queryAs(VBox.class).getChildren())
                .extracting(n -> ((Label) n).getText()).containsExactly("> 550 relay not permitted");
    }

    @Test
    void pastedOutlookDialogHandsItsFactsToTheShell(FxRobot robot) throws Exception {
        TextArea input = robot.lookup("#explainInput").queryAs(TextArea.class);
        robot.interact(() -> input.setText("The message could not be sent because one of the recipients was rejected by "
                + "the server. The rejected e-mail address was 'friend@example.org'. Subject 'Hello', Account: "
                + "'alice@example.com', Server: 'smtp.example.com', Protocol: SMTP, Server Response: '550 5.7.1 Unable "
                + "to relay for friend@example.org', Port: 25, Secure(SSL): No, Server Error: 550, Error Number: 0x800CCC79"));
        waitForEvidence(robot, "> 550 5.7.1 Unable to relay");
        Button check = robot.lookup("#checkAccountButton").queryAs(Button.class);
        assertThat(check.isDisabled()).isFalse();
        robot.clickOn("#checkAccountButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(handedOver.get()).isNotNull();
        assertThat(handedOver.get().outgoingServer()).contains("smtp.example.com");
        assertThat(handedOver.get().port()).hasValue(25);
        assertThat(handedOver.get().sender()).contains("alice@example.com");
    }
}
