package org.relaydoctor.ui.results;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.relaydoctor.check.CheckResult;

/// What the results view's buttons do beyond the view itself; each is absent until the feature exists.
///
/// @param exportReport      asks for a file and writes a report of the result
/// @param copySummary       puts a short text summary on the clipboard
/// @param trustCertificate  after the user confirms, trusts the untrusted certificate the check met, for later checks
public record ResultsActions(Optional<Action> exportReport, Optional<Action> copySummary,
        Optional<Action> trustCertificate) {
    public ResultsActions(Optional<Action> exportReport, Optional<Action> copySummary) {
        this(exportReport, copySummary, Optional.empty());
    }

    public static ResultsActions none() {
        return new ResultsActions(Optional.empty(), Optional.empty());
    }

    public ResultsActions withTrustCertificate(Action value) {
        return new ResultsActions(exportReport, copySummary, Optional.of(value));
    }

    /// One action on a result, in the window's language (which may differ from the system's); `done` takes a
    /// line for the status bar ("Report saved to …").
    @FunctionalInterface
    public interface Action {
        void run(CheckResult result, Locale language, Consumer<String> done);
    }
}
