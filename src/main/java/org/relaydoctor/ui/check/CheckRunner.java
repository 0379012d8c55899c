package org.relaydoctor.ui.check;

import org.relaydoctor.check.CheckListener;
import org.relaydoctor.check.CheckOptions;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.Credentials;
import org.relaydoctor.profile.AccountProfile;

/// One run of the check engine as the GUI sees it: blocking `run`, thread-safe `cancel`. The app wires it to
/// `check.AccountCheck`; tests pass scripted runners.
public interface CheckRunner {
    CheckResult run(AccountProfile profile, Credentials credentials, CheckListener listener);

    void cancel();

    /// Makes a fresh runner for each check.
    @FunctionalInterface
    interface Factory {
        CheckRunner create(CheckOptions options);
    }
}
