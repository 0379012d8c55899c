package org.relaydoctor.cli;

import java.io.PrintWriter;
import org.relaydoctor.check.CheckListener;
import org.relaydoctor.check.Outcome;
import org.relaydoctor.check.StepKind;
import org.relaydoctor.check.StepResult;

/// Shows a check's steps on a console stream (stderr), one line per finished step.
public final class ConsoleProgress implements CheckListener {
    private final PrintWriter out;

    public ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void stepStarted(String id, StepKind kind, String title) {
        // one line per step is enough: the finish line carries the outcome
    }

    @Override
    public synchronized void stepFinished(StepResult r) {
        String mark = switch (r.outcome()) {
            case PASSED -> "[ ok ]";
            case WARNING -> "[warn]";
            case FAILED -> "[FAIL]";
            case SKIPPED -> "[skip]";
            case CANCELLED -> "[stop]";
        };
        String summary = r.summary().isBlank() || r.outcome() == Outcome.SKIPPED ? "" : "  " + r.summary();
        out.println(mark + " " + r.title() + summary + "  (" + r.duration().toMillis() + " ms)");
        out.flush();
    }
}
