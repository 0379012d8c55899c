package org.relaydoctor.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.relaydoctor.report.ReportFixture;
import org.relaydoctor.report.ReportFormat;
import org.relaydoctor.ui.common.TaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Export report through its dialog: format and language chosen and remembered, the file written, a failure shown.
@ExtendWith(ApplicationExtension.class)
class ReportExportTest {
    @TempDir
    static Path dir;

    private final AtomicReference<Path> target = new AtomicReference<>();
    private final AtomicReference<String> status = new AtomicReference<>();
    private ReportExport export;

    @Start
    void start(Stage stage) {
        export = new ReportExport(stage, TaskRunner.direct(), Locale.ENGLISH, dir.resolve("config"),
                f -> Optional.ofNullable(target.get()));
        Button open = new Button("open");
        open.setId("open");
        open.setOnAction(e -> export.export(ReportFixture.result()));
        Button openRu = new Button("open ru");
        openRu.setId("openRu");
        // The window's language is Russian though the system's is English: the dialog follows the window.
        openRu.setOnAction(e -> export.export(ReportFixture.result(), Locale.of("ru"), status::set));
        Button copy = new Button("copy");
        copy.setId("copy");
        copy.setOnAction(e -> export.copySummary(ReportFixture.result()));
        stage.setScene(new Scene(new javafx.scene.layout.HBox(open, openRu, copy), 300, 200));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private void choose(FxRobot robot, ReportFormat format, Locale language) {
        robot.clickOn("#open");
        WaitForAsyncUtils.waitForFxEvents();
        ChoiceBox<ReportFormat> f = robot.lookup("#reportFormatChoice").queryAs(ChoiceBox.class);
        ChoiceBox<Locale> l = robot.lookup("#reportLanguageChoice").queryAs(ChoiceBox.class);
        robot.interact(() -> {
            f.setValue(format);
            l.setValue(language);
        });
        robot.clickOn("#exportOkButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void writesTheChosenFormatInTheChosenLanguageAndRemembersBoth(FxRobot robot) throws Exception {
        Path file = dir.resolve("report.txt");
        target.set(file);
        choose(robot, ReportFormat.TXT, Locale.of("ru"));
        assertThat(Files.readString(file)).startsWith("Проверка исходящей почты").contains("[redacted]")
                .doesNotContain(ReportFixture.PASSWORD);

        robot.clickOn("#open");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#reportFormatChoice").queryAs(ChoiceBox.class).getValue()).isEqualTo(ReportFormat.TXT);
        assertThat(robot.lookup("#reportLanguageChoice").queryAs(ChoiceBox.class).getValue()).isEqualTo(Locale.of("ru"));
        robot.clickOn("#exportOkButton");
    }

    @Test
    void theDialogSpeaksTheWindowsLanguageAndTheStatusSaysWhereTheReportWent(FxRobot robot) throws Exception {
        Path file = dir.resolve("report-ru.html");
        target.set(file);
        robot.clickOn("#openRu");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup("#exportDialog").queryAs(DialogPane.class);
        assertThat(pane.getButtonTypes()).extracting(javafx.scene.control.ButtonType::getText)
                .containsExactlyInAnyOrder("ОК", "Отмена");
        assertThat(robot.from(pane).lookup(".label").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).contains("Формат");
        robot.clickOn("#exportOkButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.exists(file)).isTrue();
        assertThat(status.get()).startsWith("Отчёт сохранён").contains(file.toString());
    }

    @Test
    void aFileThatCannotBeWrittenShowsAClearMessage(FxRobot robot) {
        Path missing = dir.resolve("no-such-dir").resolve("report.pdf");
        target.set(missing);
        choose(robot, ReportFormat.PDF, Locale.ENGLISH);
        DialogPane alert = robot.lookup("#exportErrorAlert").queryAs(DialogPane.class);
        assertThat(alert.getContentText()).startsWith("Cannot write the report to " + missing);
        assertThat(Files.exists(missing)).isFalse();
        robot.interact(() -> ((Stage) alert.getScene().getWindow()).close());
    }

    @Test
    void copySummaryPutsTheVerdictOnTheClipboard(FxRobot robot) {
        robot.clickOn("#copy");
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<String> text = new AtomicReference<>();
        robot.interact(() -> text.set(Clipboard.getSystemClipboard().getString()));
        assertThat(text.get()).contains("Outgoing mail check for anna@example.ru", "AUTH_REQUIRED", "smtp.example.ru:587");
    }
}
