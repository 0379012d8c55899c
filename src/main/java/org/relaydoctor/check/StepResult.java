package org.relaydoctor.check;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/// A finished step of a check.
///
/// @param id        a stable identifier, unique in one check (for example "smtp.587.noauth")
/// @param kind      what sort of step it was
/// @param title     what was tried, in the check's language ("Relay without authentication")
/// @param outcome   how it ended
/// @param duration  how long it took
/// @param summary   one line: what happened ("refused at RCPT: 554 5.7.1 Relay access denied")
/// @param evidence  the server lines it rests on, redacted
public record StepResult(
        String id, StepKind kind, String title, Outcome outcome, Duration duration, String summary,
        List<String> evidence) {
    public StepResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
    }
}
