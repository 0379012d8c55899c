package org.relaydoctor.ui.results;

import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.diagnosis.RelayVerdict;
import org.relaydoctor.diagnosis.VerdictCode;
import org.relaydoctor.ui.common.LazyTooltip;
import org.relaydoctor.ui.common.VerdictTone;

/// The verdict at the top of the results: the restriction in one sentence, the plain explanation, the fix as
/// numbered steps in the settings dialog's words, "Verified" when a probe proved the fix, the evidence lines,
/// and "Apply this fix to the profile" when the fix is a profile change.
public final class VerdictCard extends VBox {

    /// @param applyFix  applies the verdict's changes to the edited profile; false when the form is invalid
    public VerdictCard(RelayVerdict verdict, Messages text, Messages verdicts, BooleanSupplier applyFix) {
        setId("verdictCard");
        getStyleClass().addAll("verdict-card", VerdictTone.of(verdict.code()).styleClass());
        setSpacing(8);
        String prefix = "verdict." + verdict.code().name();

        Label title = new Label(verdicts.get(prefix + ".title"));
        title.setId("verdictTitle");
        title.getStyleClass().add("verdict-title");
        title.setWrapText(true);
        // Badges on their own row: beside them a long (Russian) title was squeezed into a narrow column.
        // The code too, in small print: it is what a help desk or the report refers to.
        Label code = new Label(text.get("results.code", verdict.code().name()));
        code.setId("verdictCode");
        code.getStyleClass().add("muted");
        code.setMinWidth(USE_PREF_SIZE);
        HBox head = new HBox(10, VerdictTone.badge(verdict.code(), text, verdicts));
        head.setAlignment(Pos.CENTER_LEFT);
        if (verdict.verified()) {
            Label verified = new Label(text.get("results.verified"));
            verified.setId("verifiedBadge");
            verified.getStyleClass().addAll("verdict-badge", "badge-success");
            verified.setMinWidth(USE_PREF_SIZE);
            LazyTooltip.install(verified, text.get("results.verified.tooltip"));
            head.getChildren().add(verified);
        }
        head.getChildren().add(code);

        Label explanation = new Label(verdicts.get(prefix + ".explanation"));
        explanation.setId("verdictExplanation");
        explanation.setWrapText(true);
        getChildren().addAll(head, title, explanation);

        if (!verdict.changes().isEmpty()) {
            // Right under the explanation, above the steps: the card's one action stays in view.
            Button apply = new Button(text.get("results.applyFix"));
            apply.setId("applyFixButton");
            apply.getStyleClass().add("accent");
            LazyTooltip.install(apply, text.get("results.applyFix.tooltip"));
            Label applied = new Label();
            applied.setId("applyFixStatus");
            applied.setWrapText(true);
            apply.setOnAction(e -> {
                boolean done = applyFix.getAsBoolean();
                applied.setText(text.get(done ? "results.applyFix.done" : "results.applyFix.invalid"));
                apply.setDisable(done);
            });
            HBox row = new HBox(10, apply, applied);
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }

        List<String> fix = verdicts.list(prefix + ".fix");
        Label fixTitle = new Label(text.get(verdict.code() == VerdictCode.OK ? "results.next" : "results.fix"));
        fixTitle.getStyleClass().add("section-title");
        VBox steps = new VBox(4);
        steps.setId("fixSteps");
        for (int i = 0; i < fix.size(); i++) {
            Label step = new Label((i + 1) + ". " + fix.get(i));
            step.setWrapText(true);
            step.getStyleClass().add("fix-step");
            steps.getChildren().add(step);
        }
        VBox fixBox = new VBox(4, fixTitle, steps);
        fixBox.setVisible(!fix.isEmpty());
        fixBox.setManaged(!fix.isEmpty());
        getChildren().add(fixBox);

        if (!verdict.evidence().isEmpty()) {
            Label evidence = new Label(String.join("\n", verdict.evidence()));
            evidence.setId("verdictEvidence");
            evidence.getStyleClass().add("monospace");
            evidence.setWrapText(true);
            evidence.setAccessibleText(text.get("results.evidence") + ": " + String.join("; ", verdict.evidence()));
            Label evidenceTitle = new Label(text.get("results.evidence"));
            evidenceTitle.getStyleClass().add("section-title");
            getChildren().add(new VBox(4, evidenceTitle, evidence));
        }

        if (!verdict.alternatives().isEmpty()) {
            Label alternatives = new Label(text.get("results.alternatives", String.join("; ",
                    verdict.alternatives().stream().map(c -> verdicts.get("verdict." + c.name() + ".title")).toList())));
            alternatives.setId("verdictAlternatives");
            alternatives.setWrapText(true);
            getChildren().add(alternatives);
        }
    }
}
