package org.relaydoctor.ui.explain;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.relaydoctor.diagnosis.Explanation;
import org.relaydoctor.diagnosis.ExplanationText;
import org.relaydoctor.diagnosis.ExtractedFacts;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.diagnosis.TextExplainer;
import org.relaydoctor.ui.common.LazyTooltip;

/// A self-contained pane: paste or drop an error text (a reply, an Outlook/Thunderbird error, a bounce), and
/// the verdict card follows as you type, debounced. "Check this account" hands the facts found in the text
/// to the shell, which opens a profile from them. The explainer is offline and bounded, so it runs on the FX
/// thread after the pause.
public final class ExplainView {
    static final Duration DEBOUNCE = Duration.millis(250);
    private static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private final Locale locale;
    private final Messages texts;
    private final Consumer<ExtractedFacts> onCheckAccount;
    private final TextExplainer explainer = new TextExplainer();
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>(this, "explanation");
    private final PauseTransition pause = new PauseTransition(DEBOUNCE);

    private final TextArea input = new TextArea();
    private final Label status = label("explainStatus");
    private final Label title = label("verdictTitle");
    private final Label code = label("verdictCode");
    private final Label explanationText = label("verdictExplanation");
    private final Label notes = label("verdictNotes");
    private final VBox fix = box("fixList");
    private final VBox evidence = box("evidenceList");
    private final VBox codes = box("codesList");
    private final VBox alternatives = box("alternativesList");
    private final Label undecided = label("undecidedText");
    private final VBox facts = box("factsList");
    private final Button checkAccount = new Button();
    private final VBox card = new VBox(8);
    private final ScrollPane root;

    /// `onCheckAccount` receives what the text revealed (server, port, SSL, addresses) when the user asks to
    /// check that account.
    public ExplainView(Locale locale, Consumer<ExtractedFacts> onCheckAccount) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.texts = Messages.load("explain", locale);
        this.onCheckAccount = Objects.requireNonNull(onCheckAccount, "onCheckAccount");

        Label heading = new Label(texts.get("view.title"));
        heading.setId("explainTitle");
        heading.setStyle("-fx-font-size: 1.4em; -fx-font-weight: bold;");
        input.setId("explainInput");
        input.setPromptText(texts.get("view.prompt"));
        input.setAccessibleText(texts.get("view.title"));
        input.setWrapText(true);
        input.setPrefRowCount(10);
        Button open = new Button(texts.get("view.openFile"));
        open.setId("openFileButton");
        open.setOnAction(e -> chooseFile());
        LazyTooltip.installWrapped(open, texts.get("view.openFile.tooltip"));
        Button clear = new Button(texts.get("view.clear"));
        clear.setId("clearButton");
        clear.setOnAction(e -> input.clear());
        LazyTooltip.installWrapped(clear, texts.get("view.clear.tooltip"));
        LazyTooltip.installWrapped(input, texts.get("view.prompt"));
        checkAccount.setId("checkAccountButton");
        checkAccount.setText(texts.get("view.checkAccount"));
        checkAccount.setDisable(true);
        LazyTooltip.installWrapped(checkAccount, texts.get("view.checkAccount.tooltip"));
        checkAccount.setOnAction(e -> {
            Explanation current = explanation.get();
            if (current != null && !current.facts().isEmpty()) {
                this.onCheckAccount.accept(current.facts());
            }
        });
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 8, open, clear, checkAccount);
        for (Button b : List.of(open, clear, checkAccount)) {
            b.setMinWidth(Button.USE_PREF_SIZE);
        }

        title.setStyle("-fx-font-size: 1.2em; -fx-font-weight: bold;");
        card.setId("verdictCard");
        card.setPadding(new Insets(12));
        // The check's verdict card style, toned by the verdict in show().
        card.getStyleClass().add("verdict-card");
        card.getChildren().addAll(title, code, explanationText, notes,
                headed("explain.heading.fix", fix), headed("explain.heading.evidence", evidence),
                headed("explain.heading.codes", codes), headed("explain.heading.alternatives", alternatives),
                headed("explain.heading.undecided", undecided), headed("explain.heading.facts", facts));
        card.setVisible(false);
        card.managedProperty().bind(card.visibleProperty());

        VBox content = new VBox(10, heading, input, buttons, status, card);
        content.setPadding(new Insets(16));
        VBox.setVgrow(input, Priority.SOMETIMES);
        root = new ScrollPane(content);
        root.setId("explainView");
        root.setFitToWidth(true);

        pause.setOnFinished(e -> explainNow());
        input.textProperty().addListener((obs, old, now) -> pause.playFromStart());
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
    }

    public Node root() {
        return root;
    }

    /// The answer for the text as it stands; null before anything was explained.
    public ReadOnlyObjectProperty<Explanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /// Replaces the text (for example from a file the shell opened); the answer follows after the pause.
    public void setText(String text) {
        input.setText(text);
    }

    /// The text as typed or pasted.
    public String text() {
        return input.getText();
    }

    /// Puts the caret into the text area, so the user can paste straight away.
    /// The scroll pane adds its content to the scene only when its skin is made, so this may wait for that.
    public void focusInput() {
        if (input.getScene() != null) {
            input.requestFocus();
            return;
        }
        input.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                    javafx.scene.Scene was, javafx.scene.Scene now) {
                if (now != null) {
                    input.sceneProperty().removeListener(this);
                    javafx.application.Platform.runLater(input::requestFocus);
                }
            }
        });
    }

    private void explainNow() {
        Explanation e = explainer.explain(input.getText());
        explanation.set(e);
        show(ExplanationText.of(e, locale), e);
    }

    private void show(ExplanationText t, Explanation e) {
        boolean hasAnswer = !t.title().isEmpty();
        card.setVisible(hasAnswer || !t.notes().isEmpty());
        title.setText(t.title());
        code.setText(hasAnswer ? texts.get("view.verdictCode", t.code()) : "");
        explanationText.setText(t.explanation());
        notes.setText(String.join("\n", t.notes()));
        fill(fix, numbered(t.fix()));
        fill(evidence, t.evidence().stream().map(l -> "> " + l).toList());
        fill(codes, t.codes());
        fill(alternatives, t.alternatives().stream()
                .map(a -> a.title() + " (" + a.code() + ")\n" + texts.get("explain.tellApart", a.tellApart())).toList());
        undecided.setText(t.undecided().orElse(""));
        fill(facts, t.facts());
        hideEmpty();
        checkAccount.setDisable(e.facts().isEmpty());
        status.setText(e.kind() == Explanation.InputKind.EMPTY ? ""
                : texts.get("view.kind." + e.kind().name()));
        card.getStyleClass().removeIf(c -> c.startsWith("badge-"));
        card.getStyleClass().add(org.relaydoctor.ui.common.VerdictTone.of(e.verdict().code()).styleClass());
    }

    private void hideEmpty() {
        for (Node n : card.getChildren()) {
            if (n instanceof VBox section && section.getChildren().size() == 2) {
                Node body = section.getChildren().get(1);
                boolean empty = body instanceof VBox v ? v.getChildren().isEmpty()
                        : body instanceof Label l && l.getText().isEmpty();
                section.setVisible(!empty);
            }
        }
    }

    private static List<String> numbered(List<String> lines) {
        return java.util.stream.IntStream.range(0, lines.size()).mapToObj(i -> (i + 1) + ". " + lines.get(i)).toList();
    }

    private static void fill(VBox box, List<String> lines) {
        box.getChildren().setAll(lines.stream().map(l -> {
            Label label = new Label(l);
            label.setWrapText(true);
            return (Node) label;
        }).toList());
    }

    private VBox headed(String key, Node body) {
        Label h = new Label(texts.get(key));
        h.setStyle("-fx-font-weight: bold;");
        VBox section = new VBox(4, h, body);
        section.managedProperty().bind(section.visibleProperty());
        return section;
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    private static VBox box(String id) {
        VBox b = new VBox(2);
        b.setId(id);
        return b;
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() || e.getDragboard().hasString()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean done = false;
        if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
            load(e.getDragboard().getFiles().getFirst().toPath());
            done = true;
        } else if (e.getDragboard().hasString()) {
            input.setText(e.getDragboard().getString());
            done = true;
        }
        e.setDropCompleted(done);
        e.consume();
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("view.fileChooserTitle"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("*.eml, *.txt, *.msg", "*.eml", "*.txt", "*.msg"),
                new FileChooser.ExtensionFilter("*", "*"));
        File file = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            load(file.toPath());
        }
    }

    /// Reads a dropped or chosen file; a bounce is small, so this stays on the FX thread, bounded in size.
    void load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            input.setText(new String(in.readNBytes(MAX_FILE_BYTES), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException ex) {
            status.setText(texts.get("view.readFailed", file.getFileName(), ex.getMessage() == null
                    ? ex.getClass().getSimpleName() : ex.getMessage()));
        }
    }
}
