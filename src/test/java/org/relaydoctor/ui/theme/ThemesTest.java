package org.relaydoctor.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ThemesTest {
    private Scene scene;
    private Label title;

    @Start
    void start(Stage stage) {
        title = new Label("Server Information");
        title.getStyleClass().add("section-title");
        scene = new Scene(new VBox(title), 300, 100);
        new Themes().attach(scene, Themes.Choice.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theAppSheetIsTheBuildsBinaryFormAndItsRulesApply(FxRobot robot) {
        assertThat(scene.getStylesheets()).singleElement().asString().endsWith("/org/relaydoctor/ui/theme/app.bss");
        robot.interact(title::applyCss);
        assertThat(title.getFont().getStyle()).containsIgnoringCase("bold");
        assertThat(scene.getRoot().getStyleClass()).contains("theme-light");
    }
}
