package org.relaydoctor.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The smallest window the layout is made for (820×560) in Russian, the longest of the three languages: no
/// button or setting label is cut to "…", the profile's name keeps room beside the Check button, and the port
/// fields stay wide enough to show a port.
@ExtendWith(ApplicationExtension.class)
class SmallWindowLayoutTest {
    @TempDir
    Path config;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        MainWindow window = new MainWindow(stage, config, Locale.of("ru"));
        stage.setWidth(820);
        stage.setHeight(560);
        window.show();
    }

    @Test
    void emptyStateButtonsAreNotCut(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#createFirstProfileButton", "#tryDemoButton", "#emptyExplainButton")) {
            assertThat(robot.lookup(id).queryAs(Labeled.class).isTextTruncated()).as(id).isFalse();
        }
    }

    @Test
    void editorLabelsAndHeaderFitASmallWindow(FxRobot robot) {
        robot.clickOn("#createFirstProfileButton");
        // An invalid form shows its hint in the header: it must not push the profile's name out.
        robot.interact(() -> robot.lookup("#emailField").queryAs(TextField.class).setText("anna@"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#checkInvalidHint").queryAs(Label.class).isVisible()).isTrue();
        Label title = robot.lookup("#profileTitle").queryAs(Label.class);
        assertThat(title.getWidth()).as("room for the profile's name").isGreaterThanOrEqualTo(100);

        List<Labeled> cut = new ArrayList<>();
        truncated(robot.lookup("#profileEditor").queryAs(ScrollPane.class).getContent(), cut);
        truncated(robot.lookup("#profileWork").query(), cut);
        assertThat(cut).extracting(Labeled::getText).isEmpty();
        for (String id : List.of("#incomingPortField", "#outgoingPortField", "#timeoutField")) {
            assertThat(robot.lookup(id).queryAs(TextField.class).getWidth()).as(id).isGreaterThanOrEqualTo(80);
        }
    }

    private static void truncated(Node node, List<Labeled> out) {
        if (node instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()
                && l.isTextTruncated() && !(node instanceof TitledPane)) {
            out.add(l);
        }
        if (node instanceof TitledPane t && t.getContent() != null) {
            truncated(t.getContent(), out);
        }
        if (node instanceof Parent p && !(node instanceof ScrollPane)) {
            p.getChildrenUnmodifiable().forEach(child -> truncated(child, out));
        }
    }
}
