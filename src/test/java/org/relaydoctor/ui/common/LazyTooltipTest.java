package org.relaydoctor.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Tooltips made at the first hover: none before, the text reaches screen readers meanwhile, and the first hover
/// both makes the tooltip and shows it.
@ExtendWith(ApplicationExtension.class)
class LazyTooltipTest {
    private final Label away = new Label("away");
    private final Button button = new Button("Check");
    private final TextField field = new TextField();
    private final TextField twin = new TextField();

    @Start
    void start(Stage stage) {
        away.setId("away");
        button.setId("button");
        field.setId("field");
        twin.setId("twin");
        // The twin next to the starting point: the robot's way to it crosses no other hinted control.
        VBox root = new VBox(40, away, twin, button, field);
        stage.setScene(new Scene(root, 400, 300));
        stage.show();
    }

    /// Onto the control from outside it, as a user's pointer comes.
    private static void hover(FxRobot robot, Control control) {
        robot.moveTo("#away");
        robot.moveTo(control);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Object readerHelp(FxRobot robot, Control control) {
        Object[] help = new Object[1];
        robot.interact(() -> help[0] = control.queryAccessibleAttribute(AccessibleAttribute.HELP));
        return help[0];
    }

    @Test
    void noTooltipIsMadeBeforeTheFirstHoverAndScreenReadersHaveTheTextMeanwhile(FxRobot robot) {
        robot.interact(() -> LazyTooltip.install(button, "Checks the account"));

        assertThat(button.getTooltip()).isNull();
        assertThat(LazyTooltip.text(button)).contains("Checks the account");
        assertThat(button.getAccessibleHelp()).isEqualTo("Checks the account");
        assertThat(readerHelp(robot, button)).isEqualTo("Checks the account");
        assertThat(LazyTooltip.text(field)).isEmpty();
    }

    @Test
    void theFirstHoverMakesTheTooltipAndShowsIt(FxRobot robot) throws Exception {
        robot.interact(() -> LazyTooltip.install(button, "Checks the account"));

        hover(robot, button);

        Tooltip made = button.getTooltip();
        assertThat(made).isNotNull();
        assertThat(made.getText()).isEqualTo("Checks the account");
        assertThat(made.isWrapText()).isFalse();
        // JavaFX's show timer starts on the move after the entry, so this very hover shows it (after ~1 s).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, made::isShowing);
        robot.moveTo("#away");
    }

    @Test
    void aWrappedTooltipWrapsAtItsWidth(FxRobot robot) {
        robot.interact(() -> LazyTooltip.installWrapped(field, "A long explanation of the setting."));
        assertThat(field.getTooltip()).isNull();

        hover(robot, field);

        assertThat(field.getTooltip()).isNotNull();
        assertThat(field.getTooltip().getText()).isEqualTo("A long explanation of the setting.");
        assertThat(field.getTooltip().isWrapText()).isTrue();
        assertThat(field.getTooltip().getMaxWidth()).isEqualTo(420);
    }

    @Test
    void aNewTextBeforeTheHoverIsTheOneMade(FxRobot robot) {
        robot.interact(() -> {
            LazyTooltip.install(button, "English");
            LazyTooltip.install(button, "Русский");
        });
        assertThat(button.getTooltip()).isNull();
        assertThat(LazyTooltip.text(button)).contains("Русский");
        assertThat(button.getAccessibleHelp()).isEqualTo("Русский");

        hover(robot, button);

        assertThat(button.getTooltip().getText()).isEqualTo("Русский");
    }

    @Test
    void aNewTextAfterTheHoverChangesTheMadeTooltip(FxRobot robot) {
        robot.interact(() -> LazyTooltip.install(button, "Checks the account"));
        hover(robot, button);
        Tooltip made = button.getTooltip();

        robot.interact(() -> LazyTooltip.install(button, "No check engine"));

        assertThat(button.getTooltip()).isSameAs(made);
        assertThat(made.getText()).isEqualTo("No check engine");
        assertThat(LazyTooltip.text(button)).contains("No check engine");
        assertThat(button.getAccessibleHelp()).isEqualTo("No check engine");
    }

    @Test
    void aHelpTextOfTheCallersOwnIsKept(FxRobot robot) {
        robot.interact(() -> {
            field.setAccessibleHelp("Port must be a number");
            LazyTooltip.install(field, "The server's port");
            LazyTooltip.install(field, "Порт сервера");
        });

        assertThat(field.getAccessibleHelp()).isEqualTo("Port must be a number");
        assertThat(LazyTooltip.text(field)).contains("Порт сервера");
    }

    @Test
    void theTooltipIsMadeOnceOnly(FxRobot robot) {
        robot.interact(() -> LazyTooltip.install(button, "Checks the account"));
        hover(robot, button);
        Tooltip made = button.getTooltip();
        assertThat(made).isNotNull();
        robot.interact(() -> button.setTooltip(null));

        hover(robot, button);
        hover(robot, button);

        assertThat(button.getTooltip()).as("made again on a later hover").isNull();
    }

    @Test
    void aTwinExplainsLikeItsControlNowAndAfterAChange(FxRobot robot) {
        robot.interact(() -> {
            LazyTooltip.mirror(field, twin);
            LazyTooltip.installWrapped(field, "Password");
        });
        assertThat(LazyTooltip.text(twin)).contains("Password");
        assertThat(twin.getAccessibleHelp()).isEqualTo("Password");

        hover(robot, twin);
        assertThat(twin.getTooltip().getText()).isEqualTo("Password");
        assertThat(twin.getTooltip().isWrapText()).isTrue();
        assertThat(field.getTooltip()).as("the hidden twin is not hovered").isNull();

        robot.interact(() -> LazyTooltip.installWrapped(field, "Пароль"));
        assertThat(twin.getTooltip().getText()).isEqualTo("Пароль");
        assertThat(LazyTooltip.text(field)).contains("Пароль");
    }
}
