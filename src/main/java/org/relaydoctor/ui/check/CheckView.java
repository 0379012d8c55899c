package org.relaydoctor.ui.check;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.check.Outcome;

/// The live step list of a running check: one row per step, spinner then icon and duration.
public final class CheckView extends VBox {

    public CheckView(CheckProgress progress, Messages text) {
        setId("checkView");
        setSpacing(8);
        setPadding(new Insets(12));
        Label heading = new Label(text.get("check.steps.title"));
        heading.getStyleClass().add("section-title");
        ListView<StepRow> steps = new ListView<>(progress.rows());
        steps.setId("stepList");
        steps.setAccessibleText(text.get("check.steps.title"));
        Label empty = new Label();
        // Cancelled before the first step, the list would otherwise invite the user to start a check.
        empty.textProperty().bind(progress.cancelledProperty().map(c -> text.get(c ? "check.steps.cancelled"
                : "check.steps.empty")));
        empty.setWrapText(true);
        empty.setPadding(new javafx.geometry.Insets(16));
        empty.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        steps.setPlaceholder(empty);
        steps.setCellFactory(v -> new StepCell(text));
        VBox.setVgrow(steps, Priority.ALWAYS);
        getChildren().setAll(heading, steps);
    }

    /// Icon, title and summary, duration at the right; redrawn when the step finishes.
    static final class StepCell extends ListCell<StepRow> {
        private final Messages text;
        private StepRow bound;
        private final javafx.beans.value.ChangeListener<Outcome> redraw = (o, was, now) -> draw();

        StepCell(Messages text) {
            this.text = text;
        }

        @Override
        protected void updateItem(StepRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                bound.outcomeProperty().removeListener(redraw);
            }
            bound = empty ? null : row;
            if (bound != null) {
                bound.outcomeProperty().addListener(redraw);
            }
            draw();
        }

        private void draw() {
            setText(null);
            if (bound == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            Outcome outcome = bound.outcomeProperty().get();
            Label title = new Label(bound.titleProperty().get());
            title.getStyleClass().add("step-title");
            Label summary = new Label(bound.summaryProperty().get());
            summary.getStyleClass().add("step-summary");
            summary.setWrapText(true);
            summary.setVisible(!summary.getText().isEmpty());
            summary.setManaged(summary.isVisible());
            VBox lines = new VBox(2, title, summary);
            HBox.setHgrow(lines, Priority.ALWAYS);
            Label duration = new Label(bound.durationProperty().get() == null ? ""
                    : StepIcons.duration(bound.durationProperty().get(), text));
            duration.getStyleClass().add("step-duration");
            Region gap = new Region();
            HBox row = new HBox(8, StepIcons.of(outcome), lines, gap, duration);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
            String state = outcome == null ? text.get("check.step.running") : text.get("check.outcome." + outcome.name());
            setAccessibleText(bound.titleProperty().get() + ": " + state);
        }
    }
}
