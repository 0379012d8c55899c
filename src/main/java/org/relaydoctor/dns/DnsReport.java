package org.relaydoctor.dns;

import java.util.List;
import org.relaydoctor.diagnosis.Finding;

/// The DNS facts of an account's domain and servers.
///
/// @param domain    the account's e-mail domain
/// @param mx        its MX records, by preference
/// @param findings  what is wrong or notable (mixed MX, no MX, SPF, reverse DNS, blocklists)
public record DnsReport(String domain, List<MxRecord> mx, List<Finding> findings) {
    public DnsReport {
        mx = List.copyOf(mx);
        findings = List.copyOf(findings);
    }
}
