package org.relaydoctor.profile;

import java.time.Instant;
import java.util.Objects;

/// The outcome of the last check of a saved profile, so the profile list can show it without re-running.
/// The verdict is kept as its code's name (`diagnosis.VerdictCode`, a contract), not as the enum: the profile
/// package sits below diagnosis, and a code written by a newer version must still load.
///
/// @param verdictCode  the `VerdictCode` name, for example `AUTH_REQUIRED`
/// @param checkedAt    when the check finished
public record LastResult(String verdictCode, Instant checkedAt) {
    public LastResult {
        Objects.requireNonNull(verdictCode, "verdictCode");
        Objects.requireNonNull(checkedAt, "checkedAt");
        if (verdictCode.isBlank()) {
            throw new IllegalArgumentException("verdictCode is blank");
        }
    }
}
