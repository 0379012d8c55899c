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
    private final Messages ui;
    private final Path settings;
    private final Function<ReportFormat, Optional<Path>> chooseFile;

    /// `chooseFile` asks where to write a report of a format; tests pass a fixed path.
    public ReportExport(Window owner, TaskRunner tasks, Locale uiLocale, Path configDir,
            Function<ReportFormat, Optional<Path>> chooseFile) {
        this.owner = owner;
        this.tasks = tasks;
        this.ui = Messages.load("ui", uiLocale);
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
        ClipboardContent content = new ClipboardContent();
        content.putString(new ReportWriter(ui.locale(), ZoneId.systemDefault()).summary(result));
        Clipboard.getSystemClipboard().setContent(content);
    }

    public void export(CheckResult result) {
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
        grid.addRow(0, new Label(ui.get("export.format")), format);
        grid.addRow(1, new Label(ui.get("export.language")), language);
        grid.addRow(2, new Label(ui.get("export.languageNote")));
        GridPane.setColumnSpan(grid.getChildren().getLast(), 2);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(ui.get("export.title"));
        dialog.getDialogPane().setId("exportDialog");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).setId("exportOkButton");
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ButtonType.OK) {
                remembered.setProperty("format", format.getValue().extension());
                remembered.setProperty("language", language.getValue().toLanguageTag());
                save(remembered);
                write(result, format.getValue(), language.getValue());
            }
        });
        dialog.show();
    }

    private void write(CheckResult result, ReportFormat format, Locale language) {
        Optional<Path> target = chooseFile != null ? chooseFile.apply(format) : askFile(result, format);
        target.ifPresent(file -> tasks.run("report", () -> {
            new ReportWriter(language, ZoneId.systemDefault()).write(result, format, ReportWriter.supportAddress(result), file);
            return file;
        }, done -> { }, error -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, ui.get("export.failed", file,
                    error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()));
            alert.initOwner(owner);
            alert.getDialogPane().setId("exportErrorAlert");
            alert.setHeaderText(null);
            alert.show();
        }));
    }

    private Optional<Path> askFile(CheckResult result, ReportFormat format) {
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
