package org.relaydoctor.ui.check;

import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.relaydoctor.check.CheckListener;
import org.relaydoctor.check.StepKind;
import org.relaydoctor.check.StepResult;

/// The live step list. The engine calls it from its worker threads; every change hops to the UI thread
/// through `uiThread` (`Platform::runLater` in the app, a direct executor in tests).
public final class CheckProgress implements CheckListener {
    private final Executor uiThread;
    private final ObservableList<StepRow> rows = FXCollections.observableArrayList();
    private final javafx.beans.property.BooleanProperty cancelled = new javafx.beans.property.SimpleBooleanProperty();

    public CheckProgress(Executor uiThread) {
        this.uiThread = uiThread;
    }

    @Override
    public void stepStarted(String id, StepKind kind, String title) {
        uiThread.execute(() -> rows.add(new StepRow(id, kind, title)));
    }

    @Override
    public void stepFinished(StepResult result) {
        uiThread.execute(() -> {
            StepRow row = find(result.id());
            if (row == null) {
                row = new StepRow(result.id(), result.kind(), result.title());
                rows.add(row);
            }
            row.finish(result);
        });
    }

    /// Empties the list for a new check. Call on the UI thread.
    public void clear() {
        rows.clear();
        cancelled.set(false);
    }

    /// Marks the steps still running as cancelled. Call on the UI thread.
    public void cancelRunning() {
        rows.forEach(StepRow::cancel);
        cancelled.set(true);
    }

    /// Whether the last check was cancelled (its list may be empty: cancelled before its first step).
    public javafx.beans.property.ReadOnlyBooleanProperty cancelledProperty() {
        return cancelled;
    }

    public ObservableList<StepRow> rows() {
        return rows;
    }

    private StepRow find(String id) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).id().equals(id)) {
                return rows.get(i);
            }
        }
        return null;
    }
}
