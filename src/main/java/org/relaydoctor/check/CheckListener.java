package org.relaydoctor.check;

/// Hears a check's progress. Called from the check's worker threads: a GUI must hop to its own thread.
public interface CheckListener {
    /// A step began.
    default void stepStarted(String id, StepKind kind, String title) {}

    /// A step ended.
    default void stepFinished(StepResult result) {}

    CheckListener NONE = new CheckListener() {};
}
