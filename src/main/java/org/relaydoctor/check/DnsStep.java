package org.relaydoctor.check;

import java.util.Optional;
import org.relaydoctor.dns.DnsReport;
import org.relaydoctor.profile.AccountProfile;

/// The DNS facts step (MX, SPF, reverse DNS, blocklists) that runs beside the probes. The DNS package
/// provides the real one; without it a check has no DNS report.
@FunctionalInterface
public interface DnsStep {
    /// Looks the account's domain and servers up; empty when there is nothing to say. Must honour interruption.
    Optional<DnsReport> run(AccountProfile profile, CheckOptions options);

    DnsStep NONE = (profile, options) -> Optional.empty();
}
