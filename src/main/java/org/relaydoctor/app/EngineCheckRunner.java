package org.relaydoctor.app;

import org.relaydoctor.check.AccountCheck;
import org.relaydoctor.check.CheckListener;
import org.relaydoctor.check.CheckOptions;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.Credentials;
import org.relaydoctor.check.DnsStep;
import org.relaydoctor.check.HostResolver;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.ui.check.CheckRunner;

/// The GUI's check runner on the real engine: one {@link AccountCheck} per check.
final class EngineCheckRunner implements CheckRunner {
    private final AccountCheck check;

    EngineCheckRunner(CheckOptions options) {
        this.check = new AccountCheck(options, HostResolver.of(options.dnsServer()), DnsStep.live());
    }

    @Override
    public CheckResult run(AccountProfile profile, Credentials credentials, CheckListener listener) {
        return check.run(profile, credentials, listener);
    }

    @Override
    public void cancel() {
        check.cancel();
    }
}
