package org.relaydoctor.app;

import java.util.ArrayList;
import java.util.List;
import org.relaydoctor.check.AccountCheck;
import org.relaydoctor.check.CheckListener;
import org.relaydoctor.check.CheckOptions;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.Credentials;
import org.relaydoctor.check.DnsStep;
import org.relaydoctor.check.HostResolver;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.TrustedCertificates;
import org.relaydoctor.ui.check.CheckRunner;

/// The GUI's check runner on the real engine: one {@link AccountCheck} per check, which also trusts the
/// certificates the user accepted in the results view.
final class EngineCheckRunner implements CheckRunner {
    private final CheckOptions options;
    private final TrustedCertificates trusted;
    private final DnsStep dns;
    private AccountCheck check;

    private EngineCheckRunner(CheckOptions options, TrustedCertificates trusted, DnsStep dns) {
        this.options = options;
        this.trusted = trusted;
        this.dns = dns;
    }

    /// A factory for the window's check service.
    static CheckRunner.Factory factory(TrustedCertificates trusted) {
        return factory(trusted, DnsStep.live());
    }

    static CheckRunner.Factory factory(TrustedCertificates trusted, DnsStep dns) {
        return options -> new EngineCheckRunner(options, trusted, dns);
    }

    @Override
    public CheckResult run(AccountProfile profile, Credentials credentials, CheckListener listener) {
        // the trusted list is read here, on the check's thread, so that it is current and off the window's thread
        List<String> pins = new ArrayList<>(options.pinnedCertificates());
        pins.addAll(trusted.fingerprints());
        AccountCheck c = new AccountCheck(options.withPinnedCertificates(pins), HostResolver.of(options.dnsServer()),
                dns);
        synchronized (this) {
            check = c;
        }
        return c.run(profile, credentials, listener);
    }

    @Override
    public void cancel() {
        AccountCheck c;
        synchronized (this) {
            c = check;
        }
        if (c != null) {
            c.cancel();
        }
    }
}
