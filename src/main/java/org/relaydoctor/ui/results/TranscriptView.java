package org.relaydoctor.ui.results;

import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.probe.TranscriptLine;

/// The conversation with the servers, already redacted by the engine: monospace, client and server lines in
/// their own colours, with a search field that filters the lines.
public final class TranscriptView extends VBox {

    public TranscriptView(List<TranscriptLine> lines, Messages text) {
        setId("transcriptView");
        setSpacing(6);
        FilteredList<TranscriptLine> shown = new FilteredList<>(FXCollections.observableArrayList(lines));
        TextField search = new TextField();
        search.setId("transcriptSearch");
        search.setPromptText(text.get("results.transcript.search"));
        search.setAccessibleText(text.get("results.transcript.search"));
        search.textProperty().addListener((o, was, now) -> {
            String needle = now.toLowerCase(Locale.ROOT);
            shown.setPredicate(l -> needle.isBlank() || l.text().toLowerCase(Locale.ROOT).contains(needle));
        });
        ListView<TranscriptLine> list = new ListView<>(shown);
        list.setId("transcriptList");
        list.getStyleClass().add("transcript");
        list.setPlaceholder(new Label(text.get("results.transcript.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TranscriptLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("line-client", "line-server", "line-note");
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                String who = switch (line.direction()) {
                    case CLIENT -> "C: ";
                    case SERVER -> "S: ";
                    case NOTE -> "   ";
                };
                setText("#" + line.connection() + " " + who + line.text());
                getStyleClass().add("line-" + line.direction().name().toLowerCase(Locale.ROOT));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().setAll(search, list);
    }
}
