package org.relaydoctor.cli;

import org.relaydoctor.check.CheckResult;
import org.relaydoctor.diagnosis.VerdictCode;

/// The exit statuses of `relay-doctor` (see {@link RelayDoctorCommand}'s help) and how a result maps to one.
public final class ExitStatus {
    /// The check ran and relaying works.
    public static final int RELAY_WORKS = 0;
    /// The check ran and found a restriction.
    public static final int RESTRICTION = 1;
    /// Bad option or value.
    public static final int USAGE = 2;
    /// Could not check: network failure before any server answered, cancelled, internal error.
    public static final int COULD_NOT_CHECK = 3;

    private ExitStatus() {}

    public static int of(CheckResult result) {
        VerdictCode code = result.verdict().code();
        if (code == VerdictCode.OK || code == VerdictCode.NULL_SENDER_REJECTED) {
            return RELAY_WORKS;
        }
        boolean cancelled = result.steps().stream().anyMatch(s -> s.outcome() == org.relaydoctor.check.Outcome.CANCELLED);
        if (cancelled || code == VerdictCode.UNKNOWN && result.smtp().isEmpty()) {
            return COULD_NOT_CHECK;
        }
        return RESTRICTION;
    }
}
