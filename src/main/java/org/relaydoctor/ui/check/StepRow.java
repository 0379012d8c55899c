package org.relaydoctor.ui.check;

import java.time.Duration;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.relaydoctor.check.Outcome;
import org.relaydoctor.check.StepKind;
import org.relaydoctor.check.StepResult;

/// One line of the live step list: running while its outcome is null, then finished with a duration.
public final class StepRow {
    private final String id;
    private final StepKind kind;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ReadOnlyObjectWrapper<Duration> duration = new ReadOnlyObjectWrapper<>(this, "duration");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    public StepRow(String id, StepKind kind, String title) {
        this.id = id;
        this.kind = kind;
        this.title.set(title);
    }

    void finish(StepResult result) {
        title.set(result.title());
        summary.set(result.summary());
        duration.set(result.duration());
        outcome.set(result.outcome());
    }

    void cancel() {
        if (outcome.get() == null) {
            outcome.set(Outcome.CANCELLED);
        }
    }

    public boolean isRunning() {
        return outcome.get() == null;
    }

    public String id() { return id; }
    public StepKind kind() { return kind; }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Outcome> outcomeProperty() { return outcome.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Duration> durationProperty() { return duration.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
}
