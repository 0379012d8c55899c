package org.relaydoctor.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relaydoctor.ui.theme.Themes;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/// The first frame's menu bar must look like the real one it gives way to (same height, titles in the same places,
/// same font and colour: a difference would show as the content or the titles jumping), and give way to it before
/// the user's first input reaches the window.
@ExtendWith(ApplicationExtension.class)
class MenuBarStandInTest {
    @TempDir
    Path config;

    private Stage stage;

    @AfterEach
    void close(FxRobot robot) {
        if (stage != null) {
            robot.interact(stage::hide);
        }
    }

    /// One menu title as drawn: where it sits in the window and how its text looks.
    record Title(String text, double minX, double width, double height, String font, Paint fill) {}

    @ParameterizedTest(name = "{0} theme, {1}")
    @CsvSource({"LIGHT, en", "LIGHT, ru", "LIGHT, uk", "DARK, en", "DARK, ru", "DARK, uk"})
    void theStandInLooksLikeTheRealBarItGivesWayTo(Themes.Choice theme, String language, FxRobot robot)
            throws Exception {
        ShellPreferences preferences = new ShellPreferences(config);
        preferences.setTheme(theme);
        preferences.setLanguage(Optional.of(Locale.of(language)));
        preferences.save();
        List<Title> standIn = new ArrayList<>();
        double[] standInHeight = new double[1];
        robot.interact(() -> {
            stage = new Stage();
            MainWindow window = new MainWindow(stage, config, Locale.ENGLISH);
            window.showQuickly();
            // show() has styled and laid out the first frame's content: this is what that frame draws.
            Node top = window.root().getTop();
            assertThat(top).isNotInstanceOf(MenuBar.class);
            assertThat(top.getStyleClass()).contains(MenuBarStandIn.STYLE_CLASS);
            standInHeight[0] = top.getLayoutBounds().getHeight();
            for (Node n : top.lookupAll(".menu-button")) {
                standIn.add(title((Label) n, (Labeled) n));
            }
        });
        // The user reaches for the window: the real bar takes the look-alike's place.
        robot.moveTo(stage.getScene().getRoot());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> top() instanceof MenuBar);
        WaitForAsyncUtils.waitForFxEvents();
        List<Title> real = new ArrayList<>();
        double[] realHeight = new double[1];
        robot.interact(() -> {
            MenuBar bar = (MenuBar) top();
            bar.applyCss();
            bar.getParent().layout();
            realHeight[0] = bar.getLayoutBounds().getHeight();
            for (Node n : bar.lookupAll(".menu-button")) {
                Labeled label = (Labeled) n.lookup(".label");
                real.add(title((Labeled) n, label));
            }
        });
        real.sort(Comparator.comparingDouble(Title::minX));
        standIn.sort(Comparator.comparingDouble(Title::minX));

        assertThat(real).hasSize(4);
        assertThat(standInHeight[0]).as("bar height").isEqualTo(realHeight[0]);
        assertThat(standIn).extracting(Title::text).containsExactlyElementsOf(real.stream().map(Title::text).toList());
        for (int i = 0; i < real.size(); i++) {
            Title s = standIn.get(i);
            Title r = real.get(i);
            assertThat(s.minX()).as("left edge of %s", r.text()).isCloseTo(r.minX(), within(0.5));
            assertThat(s.width()).as("width of %s", r.text()).isCloseTo(r.width(), within(0.5));
            assertThat(s.height()).as("height of %s", r.text()).isEqualTo(r.height());
            assertThat(s.font()).as("font of %s", r.text()).isEqualTo(r.font());
            assertThat(s.fill()).as("text colour of %s", r.text()).isEqualTo(r.fill());
        }
    }

    private Node top() {
        return ((BorderPane) stage.getScene().getRoot()).getTop();
    }

    @Test
    void theLookAlikeStaysWhileNobodyTouchesTheWindow(FxRobot robot) {
        robot.interact(() -> {
            stage = new Stage();
            new MainWindow(stage, config, Locale.ENGLISH).showQuickly();
        });
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(top()).isNotInstanceOf(MenuBar.class);
        assertThat(top().getStyleClass()).contains(MenuBarStandIn.STYLE_CLASS);
    }

    @Test
    void aMenuShortcutWorksAsTheFirstThingTheUserDoes(FxRobot robot) {
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            stage = new Stage();
            window[0] = new MainWindow(stage, config, Locale.ENGLISH);
            window[0].showQuickly();
            stage.requestFocus();
        });
        assertThat(window[0].profiles().entries()).isEmpty();
        robot.press(KeyCode.SHORTCUT, KeyCode.N).release(KeyCode.N, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(top()).isInstanceOf(MenuBar.class);
        assertThat(window[0].profiles().entries()).as("File > New profile by its shortcut").hasSize(1);
    }

    /// `button`'s place and `text`'s look; the real bar's title text is drawn by a label inside its button.
    private static Title title(Labeled button, Labeled text) {
        Bounds b = button.localToScene(button.getLayoutBounds());
        return new Title(MenuBarStandIn.withoutMnemonic(text.getText()), b.getMinX(), b.getWidth(), b.getHeight(),
                text.getFont().toString(), text.getTextFill());
    }

    @Test
    void mnemonicMarksAreDroppedAsJavaFxDropsThem() {
        assertThat(MenuBarStandIn.withoutMnemonic("_File")).isEqualTo("File");
        assertThat(MenuBarStandIn.withoutMnemonic("_Вид")).isEqualTo("Вид");
        assertThat(MenuBarStandIn.withoutMnemonic("Save __as_ draft")).isEqualTo("Save _as draft");
        assertThat(MenuBarStandIn.withoutMnemonic("Help_")).isEqualTo("Help_");
        assertThat(MenuBarStandIn.withoutMnemonic("Plain")).isEqualTo("Plain");
    }
}
