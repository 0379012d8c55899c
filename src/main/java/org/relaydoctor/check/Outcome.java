package org.relaydoctor.check;

/// How a step ended.
public enum Outcome {
    /// It worked.
    PASSED,
    /// It worked, with something worth a warning.
    WARNING,
    /// The server refused or the step failed.
    FAILED,
    /// Not run: not needed for the verdict, or a step it depends on failed.
    SKIPPED,
    /// The user cancelled the check while it ran.
    CANCELLED
}
