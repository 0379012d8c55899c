package org.relaydoctor.ui.results;

import java.util.Optional;
import java.util.function.Consumer;
import org.relaydoctor.check.CheckResult;

/// What the results view's buttons do beyond the view itself; each is absent until the feature exists.
///
/// @param exportReport  asks for a file and writes a report of the result
/// @param copySummary   puts a short text summary on the clipboard
public record ResultsActions(Optional<Consumer<CheckResult>> exportReport, Optional<Consumer<CheckResult>> copySummary) {
    public static ResultsActions none() {
        return new ResultsActions(Optional.empty(), Optional.empty());
    }
}
