package org.relaydoctor.ui.check;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import org.relaydoctor.check.Outcome;

/// The icon in front of a step: a spinner while it runs, then a tick, a cross, a warning sign or a dash.
public final class StepIcons {
    private StepIcons() {}

    public static Node of(Outcome outcome) {
        if (outcome == null) {
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.setPrefSize(16, 16);
            spinner.setMaxSize(16, 16);
            spinner.getStyleClass().add("step-spinner");
            return spinner;
        }
        String glyph = switch (outcome) {
            case PASSED -> "\u2714";
            case WARNING -> "\u26A0";
            case FAILED -> "\u2716";
            case SKIPPED -> "\u2013";
            case CANCELLED -> "\u25A0";
        };
        Label icon = new Label(glyph);
        icon.getStyleClass().addAll("step-icon", "step-" + outcome.name().toLowerCase(java.util.Locale.ROOT));
        icon.setMinWidth(16);
        return icon;
    }

    /// A duration the way people read it, in the window's language: "85 ms", "1.4 s", "1,4 с".
    public static String duration(java.time.Duration d, org.relaydoctor.diagnosis.Messages text) {
        long ms = d.toMillis();
        return ms < 1000 ? text.get("duration.ms", ms)
                : text.get("duration.s", String.format(text.locale(), "%.1f", ms / 1000.0));
    }
}
