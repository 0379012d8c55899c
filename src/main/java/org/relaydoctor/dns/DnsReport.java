package org.relaydoctor.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relaydoctor.diagnosis.Finding;

/// The DNS facts of an account's domain and servers.
///
/// @param domain      the account's e-mail domain
/// @param resolver    which resolver answered ("system" or the `--dns-server` address)
/// @param mxStatus    how the MX question ended (a failure is not "no MX")
/// @param mx          its MX records, by preference
/// @param provider    the catalogue id of the one provider behind all MX records, if there is one
/// @param servers     the incoming and outgoing server names and their addresses
/// @param srv         RFC 6186 SRV records found for the domain
/// @param spf         the sender domain's SPF record and its evaluation for the outgoing server's addresses
/// @param reverse     reverse DNS of the outgoing server and of the client address
/// @param blocklists  the client address's look-ups in DNS blocklists
/// @param findings    what is wrong or notable (mixed MX, no MX, SPF, reverse DNS, blocklists)
public record DnsReport(String domain, String resolver, DnsStatus mxStatus, List<MxRecord> mx, Optional<String> provider,
        List<ServerName> servers, List<SrvRecord> srv, Optional<SpfReport> spf, List<ReverseName> reverse,
        List<BlocklistResult> blocklists, List<Finding> findings) {

    public DnsReport {
        mx = List.copyOf(mx);
        servers = List.copyOf(servers);
        srv = List.copyOf(srv);
        reverse = List.copyOf(reverse);
        blocklists = List.copyOf(blocklists);
        findings = List.copyOf(findings);
    }

    /// A report with only MX facts (tests, and callers that looked nothing else up).
    public DnsReport(String domain, List<MxRecord> mx, List<Finding> findings) {
        this(domain, "system", mx.isEmpty() ? DnsStatus.NO_DATA : DnsStatus.FOUND, mx, Optional.empty(), List.of(),
                List.of(), Optional.empty(), List.of(), List.of(), findings);
    }

    /// This report with the client address's facts added (known only once the SMTP server has greeted).
    public DnsReport withClient(List<ReverseName> moreReverse, List<BlocklistResult> lists, List<Finding> more) {
        List<ReverseName> r = new ArrayList<>(reverse);
        r.addAll(moreReverse);
        List<BlocklistResult> b = new ArrayList<>(blocklists);
        b.addAll(lists);
        List<Finding> f = new ArrayList<>(findings);
        f.addAll(more);
        return new DnsReport(domain, resolver, mxStatus, mx, provider, servers, srv, spf, r, b, f);
    }

    /// A server name and its addresses.
    ///
    /// @param role        "incoming" or "outgoing"
    /// @param host        the name as entered
    /// @param status      FOUND when it has addresses, else why not
    /// @param addresses   its A/AAAA addresses
    /// @param suggestion  the provider's own server name when this one does not resolve ("did you mean")
    public record ServerName(String role, String host, DnsStatus status, List<String> addresses,
            Optional<String> suggestion) {
        public ServerName {
            addresses = List.copyOf(addresses);
        }
    }

    /// An RFC 6186 SRV record.
    ///
    /// @param service   `_submission._tcp`, `_imaps._tcp`, ...
    /// @param priority  lower first
    /// @param weight    share among equal priorities
    /// @param port      the service port
    /// @param target    the host; "." means "not offered" (RFC 2782)
    public record SrvRecord(String service, int priority, int weight, int port, String target) {}

    /// The SPF record of the sender domain and what it says about each outgoing server address.
    ///
    /// @param domain       the sender domain
    /// @param status       how the TXT question ended
    /// @param record       the `v=spf1` record, when there is one
    /// @param evaluations  one per outgoing server address
    public record SpfReport(String domain, DnsStatus status, Optional<String> record,
            List<SpfEvaluator.Evaluation> evaluations) {
        public SpfReport {
            evaluations = List.copyOf(evaluations);
        }
    }

    /// The reverse DNS name of an address.
    ///
    /// @param role       "outgoing" (the server) or "client" (this machine as the server sees it)
    /// @param address    the address
    /// @param status     how the PTR question ended
    /// @param name       the PTR name, when there is one
    /// @param confirmed  whether that name resolves back to the address (forward-confirmed reverse DNS)
    public record ReverseName(String role, String address, DnsStatus status, Optional<String> name, boolean confirmed) {}

    /// One blocklist look-up of an address.
    ///
    /// @param address  the address looked up
    /// @param zone     the blocklist zone
    /// @param policy   whether the list is a policy list (dynamic / residential ranges, like Spamhaus PBL)
    /// @param status   FOUND when listed, NXDOMAIN when not, else the failure
    /// @param codes    the list's answer addresses (127.0.0.x), which say why it is listed
    /// @param reason   the list's TXT explanation, when it gives one
    public record BlocklistResult(String address, String zone, boolean policy, DnsStatus status, List<String> codes,
            String reason) {
        public BlocklistResult {
            codes = List.copyOf(codes);
        }

        public boolean listed() {
            return status == DnsStatus.FOUND;
        }
    }
}
