package org.relaydoctor.ui.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.report.ReportFormat;
import org.relaydoctor.report.ReportWriter;
import org.relaydoctor.ui.common.TaskRunner;

/// File > Export report and Copy summary: a dialog for format and language (remembered in
/// `report-export.properties`), a file chooser, the write on a background task, an alert on failure.
public final class ReportExport {
    private static final List<Locale> LANGUAGES = Messages.SUPPORTED;

    private final Window owner;
    private final TaskRunner tasks;
    private final Locale uiLocale;
    private final Path settings;
    private final Function<ReportFormat, Optional<Path>> chooseFile;

    /// `chooseFile` asks where to write a report of a format; tests pass a fixed path.
    public ReportExport(Window owner, TaskRunner tasks, Locale uiLocale, Path configDir,
            Function<ReportFormat, Optional<Path>> chooseFile) {
        this.owner = owner;
        this.tasks = tasks;
        this.uiLocale = uiLocale;
        this.settings = configDir.resolve("report-export.properties");
        this.chooseFile = chooseFile;
    }

    public ReportExport(Window owner, TaskRunner tasks, Locale uiLocale, Path configDir) {
        this(owner, tasks, uiLocale, configDir, null);
    }

    public ResultsActions actions() {
        return new ResultsActions(Optional.of(this::export), Optional.of(this::copySummary));
    }

    public void copySummary(CheckResult result) {
        copySummary(result, uiLocale, message -> { });
    }

    /// The summary in the window's language (`language`); `done` hears that it is on the clipboard.
    public void copySummary(CheckResult result, Locale language, Consumer<String> done) {
        ClipboardContent content = new ClipboardContent();
        content.putString(new ReportWriter(language, ZoneId.systemDefault()).summary(result));
        Clipboard.getSystemClipboard().setContent(content);
        done.accept(Messages.load("ui", language).get("export.copied"));
    }

    public void export(CheckResult result) {
        export(result, uiLocale, message -> { });
    }

    /// The dialog in the window's language (`uiLanguage`); `done` hears where the report was saved.
    public void export(CheckResult result, Locale uiLanguage, Consumer<String> done) {
        Messages ui = Messages.load("ui", uiLanguage);
        Properties remembered = load();
        ChoiceBox<ReportFormat> format = new ChoiceBox<>();
        format.setId("reportFormatChoice");
        format.getItems().setAll(ReportFormat.values());
        format.setValue(ReportFormat.ofName(remembered.getProperty("format", "html")).orElse(ReportFormat.HTML));
        format.setConverter(converter(f -> ui.get("export.format." + f.extension())));
        ChoiceBox<Locale> language = new ChoiceBox<>();
        language.setId("reportLanguageChoice");
        language.getItems().setAll(LANGUAGES);
        language.setValue(Messages.bestMatch(Locale.forLanguageTag(remembered.getProperty("language",
                ui.locale().toLanguageTag()))));
        language.setConverter(converter(l -> l.getDisplayLanguage(l)));
        GridPane grid = new GridPane(8, 8);
        Label formatLabel = new Label(ui.get("export.format"));
        formatLabel.setLabelFor(format);
        Label languageLabel = new Label(ui.get("export.language"));
        languageLabel.setLabelFor(language);
        format.setAccessibleText(formatLabel.getText().replace("_", ""));
        language.setAccessibleText(languageLabel.getText().replace("_", ""));
        format.setMaxWidth(Double.MAX_VALUE);
        language.setMaxWidth(Double.MAX_VALUE);
        grid.addRow(0, formatLabel, format);
        grid.addRow(1, languageLabel, language);
        Label note = new Label(ui.get("export.languageNote"));
        note.setWrapText(true);
        note.getStyleClass().add("muted");
        grid.add(note, 0, 2, 2, 1);
        grid.setPadding(new javafx.geometry.Insets(12));
        grid.setPrefWidth(460);
        GridPane.setHgrow(format, javafx.scene.layout.Priority.ALWAYS);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(ui.get("export.title"));
        dialog.getDialogPane().setId("exportDialog");
        dialog.getDialogPane().setContent(grid);
        org.relaydoctor.ui.common.DialogButtons buttons = org.relaydoctor.ui.common.DialogButtons.of(ui);
        dialog.getDialogPane().getButtonTypes().setAll(buttons.ok(), buttons.cancel());
        dialog.getDialogPane().lookupButton(buttons.ok()).setId("exportOkButton");
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == buttons.ok()) {
                remembered.setProperty("format", format.getValue().extension());
                remembered.setProperty("language", language.getValue().toLanguageTag());
                save(remembered);
                write(result, format.getValue(), language.getValue(), ui, done);
            }
        });
        dialog.show();
    }

    private void write(CheckResult result, ReportFormat format, Locale language, Messages ui, Consumer<String> done) {
        Optional<Path> target = chooseFile != null ? chooseFile.apply(format) : askFile(result, format, ui);
        target.ifPresent(file -> tasks.run("report", () -> {
            new ReportWriter(language, ZoneId.systemDefault()).write(result, format, ReportWriter.supportAddress(result), file);
            return file;
        }, saved -> done.accept(ui.get("export.saved", saved)), error -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, "", org.relaydoctor.ui.common.DialogButtons.of(ui).close());
            alert.setContentText(ui.get("export.failed", file,
                    error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()));
            alert.initOwner(owner);
            alert.getDialogPane().setId("exportErrorAlert");
            alert.setTitle(ui.get("export.title"));
            alert.setHeaderText(null);
            alert.show();
        }));
    }

    private Optional<Path> askFile(CheckResult result, ReportFormat format, Messages ui) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(ui.get("export.title"));
        chooser.setInitialFileName("relay-doctor-" + result.profile().emailDomain() + "." + format.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("*." + format.extension(), "*." + format.extension()));
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.isRegularFile(settings)) {
            try (InputStream in = Files.newInputStream(settings)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // an unreadable choice falls back to the defaults
            }
        }
        return p;
    }

    private void save(Properties p) {
        try {
            Files.createDirectories(settings.getParent());
            try (OutputStream out = Files.newOutputStream(settings)) {
                p.store(out, "Relay Doctor: last report format and language");
            }
        } catch (IOException e) {
            // losing the remembered choice is harmless
        }
    }

    private static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
