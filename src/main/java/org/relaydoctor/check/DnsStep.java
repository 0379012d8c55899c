package org.relaydoctor.check;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.relaydoctor.dns.DnsBlocklist;
import org.relaydoctor.dns.DnsChecker;
import org.relaydoctor.dns.DnsLookup;
import org.relaydoctor.dns.DnsReport;
import org.relaydoctor.dns.ProviderCatalog;
import org.relaydoctor.profile.AccountProfile;

/// The DNS facts step (MX, server names, SRV, SPF, reverse DNS, blocklists): the check runs it first, and once
/// more for the client address when the SMTP server has named it.
@FunctionalInterface
public interface DnsStep {
    /// Looks the account's domain and servers up; empty when there is nothing to say. Must honour interruption.
    Optional<DnsReport> run(AccountProfile profile, CheckOptions options);

    /// Adds the reverse DNS and blocklist look-ups of the client address the server reported.
    default DnsReport client(DnsReport report, String clientAddress, CheckOptions options) {
        return report;
    }

    DnsStep NONE = (profile, options) -> Optional.empty();

    /// The longest wait for one DNS answer.
    Duration MAX_WAIT = Duration.ofSeconds(5);

    /// The real DNS checks with dnsjava, against `--dns-server` when given, else the system's resolver, with the
    /// catalogue's default blocklists.
    static DnsStep live() {
        return live(List.of());
    }

    /// The same with these blocklists instead of the defaults (none given: the defaults).
    static DnsStep live(List<DnsBlocklist> blocklists) {
        return new DnsStep() {
            @Override
            public Optional<DnsReport> run(AccountProfile profile, CheckOptions options) {
                return checker(profile, options, blocklists).map(c -> c.check(profile));
            }

            @Override
            public DnsReport client(DnsReport report, String clientAddress, CheckOptions options) {
                return checker(null, options, blocklists).map(c -> c.client(report, clientAddress)).orElse(report);
            }
        };
    }

    private static Optional<DnsChecker> checker(AccountProfile profile, CheckOptions options, List<DnsBlocklist> lists) {
        try {
            // a DNS answer that takes longer than 5 s will not come; a shorter check time-out still wins
            Duration timeout = profile == null || !profile.timeout().isPositive() || profile.timeout().compareTo(MAX_WAIT) > 0
                    ? MAX_WAIT : profile.timeout();
            ProviderCatalog catalog = ProviderCatalog.bundled();
            return Optional.of(new DnsChecker(DnsLookup.of(options.dnsServer(), timeout), catalog,
                    lists.isEmpty() ? catalog.blocklists() : lists));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
