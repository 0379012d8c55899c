package org.relaydoctor.dns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.relaydoctor.diagnosis.Finding;
import org.relaydoctor.diagnosis.FindingCode;
import org.relaydoctor.diagnosis.Severity;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.AccountSetupSuggestions;
import org.relaydoctor.profile.AccountSuggestion;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/// The DNS checks of an account: MX records and their providers (mixed, missing, invalid), the server names,
/// RFC 6186 SRV records, SPF of the sender domain for the outgoing server, reverse DNS, and — once the SMTP
/// server has named the client address — reverse DNS and blocklists of that address. Blocking; the
/// independent questions are asked side by side. Never throws for DNS trouble: failures become findings.
public final class DnsChecker {
    /// RFC 6186 / RFC 8314 services, submission first.
    static final List<String> SRV_SERVICES = List.of("_submissions._tcp", "_submission._tcp", "_imaps._tcp",
            "_imap._tcp", "_pop3s._tcp", "_pop3._tcp");

    private final DnsLookup lookup;
    private final ProviderCatalog catalog;
    private final List<DnsBlocklist> blocklists;

    public DnsChecker(DnsLookup lookup, ProviderCatalog catalog, List<DnsBlocklist> blocklists) {
        this.lookup = lookup;
        this.catalog = catalog;
        this.blocklists = List.copyOf(blocklists);
    }

    /// With the bundled catalogue and its default blocklists.
    public DnsChecker(DnsLookup lookup) {
        this(lookup, ProviderCatalog.bundled(), ProviderCatalog.bundled().blocklists());
    }

    public DnsLookup lookup() {
        return lookup;
    }

    /// The checks of a domain alone (`relay-doctor dns DOMAIN`).
    public DnsReport check(String domain) {
        return run(domain, "", MailProtocol.IMAP, "");
    }

    /// The checks of an account: its domain, its incoming and outgoing server names.
    public DnsReport check(AccountProfile profile) {
        return run(profile.emailDomain(), profile.incoming().host(), profile.incoming().protocol(),
                profile.outgoing().host());
    }

    private DnsReport run(String domainIn, String incomingHost, MailProtocol protocol, String outgoingHost) {
        String domain = DnsLookup.strip(domainIn).toLowerCase(Locale.ROOT);
        List<Finding> findings = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<DnsAnswer> mxF = pool.submit(() -> lookup.query(domain, Type.MX));
            Map<String, Future<DnsAnswer>> srvF = askSrv(pool, domain);
            Future<DnsLookup.Addresses> inF = incomingHost.isBlank() ? null : pool.submit(() -> lookup.addresses(incomingHost));
            Future<DnsLookup.Addresses> outF = outgoingHost.isBlank() ? null : pool.submit(() -> lookup.addresses(outgoingHost));
            Future<SpfEvaluator.Policy> spfF = pool.submit(() -> new SpfEvaluator(lookup::query).recordOf(domain));

            DnsAnswer mxAnswer = get(mxF);
            List<MxRecord> mx = mx(domain, mxAnswer, findings, pool);
            Optional<Provider> provider = singleProvider(domain, mx, findings);

            List<DnsReport.ServerName> servers = new ArrayList<>();
            Optional<Provider> forSuggestion = provider.filter(p -> !p.ownServer()).or(() -> catalog.forEmailDomain(domain));
            if (inF != null) {
                servers.add(serverName("incoming", get(inF), forSuggestion.flatMap(p ->
                        (protocol == MailProtocol.POP3 ? p.pop3().or(p::imap) : p.imap().or(p::pop3))
                                .map(Provider.ServerSetting::host)), findings));
            }
            DnsLookup.Addresses out = outF == null ? null : get(outF);
            if (out != null) {
                servers.add(serverName("outgoing", out, forSuggestion.flatMap(p -> p.smtp().map(Provider.ServerSetting::host)),
                        findings));
            }
            List<DnsReport.SrvRecord> srv = new ArrayList<>();
            List<String> srvFailed = new ArrayList<>();
            DnsStatus[] srvStatus = {DnsStatus.FOUND};
            srvF.forEach((service, f) -> {
                DnsAnswer a = get(f);
                if (a.status().failed()) {
                    srvFailed.add(a.name());
                    srvStatus[0] = a.status();
                } else {
                    srv(service, a, srv);
                }
            });
            if (!srvFailed.isEmpty()) {
                // one finding for all SRV questions: they fail together when the domain's servers do
                findings.add(new Finding(FindingCode.DNS_LOOKUP_FAILED, Severity.WARNING,
                        Map.of("name", String.join(", ", srvFailed), "type", "SRV", "status", srvStatus[0].name())));
            }

            Optional<DnsReport.SpfReport> spf = Optional.of(spf(domain, get(spfF),
                    out == null ? List.of() : out.addresses(), findings));
            List<DnsReport.ReverseName> reverse = new ArrayList<>();
            if (out != null && !out.addresses().isEmpty()) {
                reverse.add(reverse("outgoing", out.addresses().getFirst(), findings));
            }
            return new DnsReport(domain, lookup.description(), mxAnswer.status(), mx, provider.map(Provider::id), servers,
                    srv, spf, reverse, List.of(), findings);
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("DNS checks interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("DNS check failed", e.getCause());
        }
    }

    // ---- MX ---------------------------------------------------------------------------------------------------

    private List<MxRecord> mx(String domain, DnsAnswer answer, List<Finding> findings, ExecutorService pool) {
        if (answer.status().failed() || answer.status() == DnsStatus.NOT_ASKED) {
            if (answer.status().failed()) {
                findings.add(lookupFailed(domain, "MX", answer));
            }
            return List.of();
        }
        List<MXRecord> records = answer.ofType().stream().map(MXRecord.class::cast)
                .sorted((a, b) -> Integer.compare(a.getPriority(), b.getPriority())).toList();
        if (records.isEmpty() || records.size() == 1 && records.getFirst().getTarget().equals(org.xbill.DNS.Name.root)) {
            findings.add(new Finding(FindingCode.MX_MISSING, Severity.WARNING, Map.of("domain", domain,
                    "status", records.isEmpty() ? answer.status().name() : "NULL_MX")));
            return List.of();
        }
        List<Future<DnsLookup.Addresses>> addresses = new ArrayList<>();
        for (MXRecord r : records) {
            String host = DnsLookup.strip(r.getTarget().toString());
            addresses.add(DnsLookup.literal(host).isPresent() ? null : pool.submit(() -> lookup.addresses(host)));
        }
        List<MxRecord> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String host = DnsLookup.strip(records.get(i).getTarget().toString()).toLowerCase(Locale.ROOT);
            Optional<String> provider = catalog.forMxHost(host, domain).map(Provider::id);
            Optional<MxRecord.Problem> problem;
            List<String> addrs = List.of();
            if (addresses.get(i) == null) {
                problem = Optional.of(MxRecord.Problem.IP_LITERAL);
            } else {
                DnsLookup.Addresses a = get(addresses.get(i));
                addrs = a.texts();
                if (!a.cnames().isEmpty()) {
                    problem = Optional.of(MxRecord.Problem.CNAME);
                } else if (a.status().failed()) {
                    problem = Optional.of(MxRecord.Problem.LOOKUP_FAILED);
                    findings.add(lookupFailed(host, "A/AAAA", new DnsAnswer(host, Type.A, a.status(), List.of(), a.detail())));
                } else if (a.status() == DnsStatus.NXDOMAIN || a.status() == DnsStatus.NO_DATA) {
                    problem = Optional.of(MxRecord.Problem.NOT_FOUND);
                } else {
                    problem = Optional.empty();
                }
            }
            problem.filter(p -> p != MxRecord.Problem.LOOKUP_FAILED).ifPresent(p -> findings.add(new Finding(
                    FindingCode.MX_INVALID, Severity.ERROR, Map.of("domain", domain, "host", host, "problem", p.name()))));
            out.add(new MxRecord(records.get(i).getPriority(), host, provider, addrs, problem));
        }
        return out;
    }

    /// The provider behind every MX record, or MX_MIXED when they belong to more than one. Unknown hosts count
    /// as their own parent domain, so an unknown host beside a known provider is mixing too.
    private Optional<Provider> singleProvider(String domain, List<MxRecord> mx, List<Finding> findings) {
        Set<String> owners = new LinkedHashSet<>();
        for (MxRecord r : mx) {
            if (r.problem().filter(p -> p == MxRecord.Problem.IP_LITERAL).isPresent()) {
                continue; // an address names no provider; MX_INVALID already says so
            }
            owners.add(r.provider().flatMap(catalog::byId).map(Provider::name).orElse(parent(r.host())));
        }
        if (owners.size() > 1) {
            findings.add(new Finding(FindingCode.MX_MIXED, Severity.ERROR,
                    Map.of("domain", domain, "providers", String.join(", ", owners))));
            return Optional.empty();
        }
        if (mx.isEmpty() || mx.getFirst().provider().isEmpty()) {
            return Optional.empty();
        }
        return catalog.byId(mx.getFirst().provider().get());
    }

    private static String parent(String host) {
        String[] labels = host.split("\\.");
        return labels.length <= 2 ? host : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }

    // ---- server names, SRV, SPF, reverse DNS -------------------------------------------------------------------

    private DnsReport.ServerName serverName(String role, DnsLookup.Addresses a, Optional<String> providerHost,
            List<Finding> findings) {
        Optional<String> suggestion = Optional.empty();
        if (a.status().failed()) {
            findings.add(lookupFailed(a.host(), "A/AAAA", new DnsAnswer(a.host(), Type.A, a.status(), List.of(), a.detail())));
        } else if (a.status() == DnsStatus.NXDOMAIN || a.status() == DnsStatus.NO_DATA) {
            suggestion = providerHost.filter(h -> !h.equalsIgnoreCase(a.host()));
            findings.add(new Finding(FindingCode.SERVER_NAME_NOT_FOUND, Severity.ERROR,
                    Map.of("role", role, "host", a.host(), "suggestion", suggestion.orElse(""))));
        }
        return new DnsReport.ServerName(role, a.host(), a.status(), a.texts(), suggestion);
    }

    private static void srv(String service, DnsAnswer a, List<DnsReport.SrvRecord> out) {
        a.ofType().stream().map(SRVRecord.class::cast)
                .sorted((x, y) -> x.getPriority() != y.getPriority() ? Integer.compare(x.getPriority(), y.getPriority())
                        : Integer.compare(y.getWeight(), x.getWeight()))
                .forEach(r -> out.add(new DnsReport.SrvRecord(service, r.getPriority(), r.getWeight(), r.getPort(),
                        r.getTarget().equals(org.xbill.DNS.Name.root) ? "." : DnsLookup.strip(r.getTarget().toString()))));
    }

    private DnsReport.SpfReport spf(String domain, SpfEvaluator.Policy record, List<InetAddress> outgoing,
            List<Finding> findings) {
        if (record.status() == DnsStatus.NOT_ASKED) {
            return new DnsReport.SpfReport(domain, record.status(), Optional.empty(), List.of());
        }
        if (record.status().failed()) {
            if (record.detail().startsWith("more than one")) {
                findings.add(new Finding(FindingCode.SPF_INVALID, Severity.WARNING,
                        Map.of("domain", domain, "reason", record.detail())));
            } else {
                findings.add(lookupFailed(domain, "TXT", new DnsAnswer(domain, Type.TXT, record.status(), List.of(),
                        record.detail())));
            }
            return new DnsReport.SpfReport(domain, record.status(), Optional.empty(), List.of());
        }
        if (record.text().isEmpty()) {
            findings.add(new Finding(FindingCode.SPF_MISSING, Severity.INFO, Map.of("domain", domain)));
            return new DnsReport.SpfReport(domain, record.status(), Optional.empty(), List.of());
        }
        SpfEvaluator evaluator = new SpfEvaluator(lookup::query);
        List<SpfEvaluator.Evaluation> evaluations = new ArrayList<>();
        for (InetAddress a : outgoing) {
            SpfEvaluator.Evaluation e = evaluator.evaluate(domain, a);
            evaluations.add(e);
            switch (e.result()) {
                case PASS, NONE -> { }
                case PERMERROR -> findings.add(new Finding(FindingCode.SPF_INVALID, Severity.WARNING,
                        Map.of("domain", domain, "reason", e.mechanism())));
                case TEMPERROR -> findings.add(new Finding(FindingCode.DNS_LOOKUP_FAILED, Severity.WARNING,
                        Map.of("name", domain, "type", "SPF", "status", e.mechanism())));
                default -> findings.add(new Finding(FindingCode.SPF_NOT_COVERING, Severity.WARNING,
                        Map.of("domain", domain, "address", e.address(), "result", e.result().name(),
                                "mechanism", e.mechanism())));
            }
        }
        return new DnsReport.SpfReport(domain, record.status(), record.text(), evaluations);
    }

    private DnsReport.ReverseName reverse(String role, InetAddress address, List<Finding> findings) {
        DnsAnswer ptr = lookup.reverse(address);
        Optional<String> name = ptr.ofType().stream().findFirst()
                .map(r -> DnsLookup.strip(((PTRRecord) r).getTarget().toString()));
        boolean confirmed = name.map(n -> lookup.addresses(n).addresses().contains(address)).orElse(false);
        if (ptr.status() == DnsStatus.NXDOMAIN || ptr.status() == DnsStatus.NO_DATA) {
            findings.add(new Finding(FindingCode.REVERSE_DNS_MISSING, role.equals("client") ? Severity.WARNING : Severity.INFO,
                    Map.of("role", role, "address", address.getHostAddress())));
        } else if (ptr.status().failed()) {
            findings.add(lookupFailed(ptr.name(), "PTR", ptr));
        }
        return new DnsReport.ReverseName(role, address.getHostAddress(), ptr.status(), name, confirmed);
    }

    // ---- the client address ------------------------------------------------------------------------------------

    /// Reverse DNS and blocklists of the client address the SMTP server reported; `report` with them added.
    public DnsReport client(DnsReport report, String clientAddress) {
        Optional<InetAddress> ip = DnsLookup.literal(clientAddress.strip());
        if (ip.isEmpty()) {
            return report;
        }
        List<Finding> findings = new ArrayList<>();
        DnsReport.ReverseName reverse = reverse("client", ip.get(), findings);
        List<DnsReport.BlocklistResult> lists = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<DnsReport.BlocklistResult>> futures = blocklists.stream()
                    .map(b -> pool.submit(() -> blocklist(ip.get(), b))).toList();
            for (var f : futures) {
                DnsReport.BlocklistResult r = get(f);
                lists.add(r);
                if (r.listed()) {
                    findings.add(new Finding(FindingCode.CLIENT_LISTED, Severity.WARNING, Map.of("address", r.address(),
                            "zone", r.zone(), "codes", String.join(", ", r.codes()), "policy", String.valueOf(r.policy()),
                            "reason", r.reason())));
                } else if (r.status().failed()) {
                    findings.add(new Finding(FindingCode.DNS_LOOKUP_FAILED, Severity.INFO, Map.of("name", r.zone(),
                            "type", "DNSBL", "status", r.status().name())));
                }
            }
        }
        return report.withClient(List.of(reverse), lists, findings);
    }

    /// One blocklist look-up: `4.3.2.1.zone` (nibbles for IPv6).
    public DnsReport.BlocklistResult blocklist(InetAddress ip, DnsBlocklist list) {
        String address = ip.getHostAddress();
        if (!lookup.explicit() && !DnsLookup.publicAddress(ip)) {
            return new DnsReport.BlocklistResult(address, list.zone(), false, DnsStatus.NOT_ASKED, List.of(), "");
        }
        String reversed = DnsLookup.strip(ReverseMap.fromAddress(ip).toString()).replaceFirst("\\.(in-addr|ip6)\\.arpa$", "");
        String name = reversed + "." + list.zone();
        DnsAnswer a = lookup.query(name, Type.A);
        List<String> codes = a.ofType().stream().map(r -> ((ARecord) r).getAddress().getHostAddress()).toList();
        if (codes.stream().anyMatch(c -> c.startsWith("127.255.255."))) {
            // Spamhaus's answer to queries through public resolvers or over quota: the list did not answer
            return new DnsReport.BlocklistResult(address, list.zone(), false, DnsStatus.REFUSED, codes,
                    "the list refused the query");
        }
        String reason = "";
        if (a.status() == DnsStatus.FOUND) {
            DnsAnswer txt = lookup.query(name, Type.TXT);
            reason = txt.ofType().stream().map(r -> String.join("", ((TXTRecord) r).getStrings())).findFirst().orElse("");
        }
        return new DnsReport.BlocklistResult(address, list.zone(), a.status() == DnsStatus.FOUND && list.policy(codes),
                a.status(), codes, reason);
    }

    // ---- suggestions ---------------------------------------------------------------------------------------------

    /// Settings proposed from a DNS report: the recognised provider's published settings, then RFC 6186 SRV.
    public List<AccountSuggestion> suggestions(DnsReport report, String email) {
        List<AccountSuggestion> out = new ArrayList<>();
        // a provider that hosts the domain itself (gmail.com) is proposed by the catalogue's domain source already
        report.provider().filter(id -> catalog.forEmailDomain(report.domain()).isEmpty()).flatMap(catalog::byId).flatMap(p -> catalog.suggestion(p, email,
                "MX " + report.mx().getFirst().host())).ifPresent(out::add);
        srvSuggestion(report, email).ifPresent(out::add);
        return out;
    }

    /// The submission server the account should send through, for a fix that says "the outgoing server is the wrong
    /// one": the published server of the provider that runs the domain's MX, else the domain's RFC 6186 SRV record.
    public static Optional<OutgoingServer> submissionServer(ProviderCatalog catalog, DnsReport report) {
        return report.provider().flatMap(catalog::byId).flatMap(Provider::smtp)
                .map(s -> new OutgoingServer(s.host(), s.port(), s.security()))
                .or(() -> srvSubmission(report).map(DnsChecker::outgoing));
    }

    private static Optional<DnsReport.SrvRecord> srvSubmission(DnsReport report) {
        return first(report, "_submissions._tcp").or(() -> first(report, "_submission._tcp"));
    }

    private static OutgoingServer outgoing(DnsReport.SrvRecord s) {
        return new OutgoingServer(s.target(), s.port(),
                s.service().startsWith("_submissions") || s.port() == 465 ? Security.SSL_TLS : Security.STARTTLS);
    }

    private static Optional<AccountSuggestion> srvSuggestion(DnsReport report, String email) {
        Optional<DnsReport.SrvRecord> submission = srvSubmission(report);
        Optional<DnsReport.SrvRecord> imap = first(report, "_imaps._tcp").or(() -> first(report, "_imap._tcp"));
        Optional<DnsReport.SrvRecord> pop = first(report, "_pop3s._tcp").or(() -> first(report, "_pop3._tcp"));
        Optional<DnsReport.SrvRecord> incoming = imap.or(() -> pop);
        if (submission.isEmpty() || incoming.isEmpty()) {
            return Optional.empty();
        }
        DnsReport.SrvRecord s = submission.get();
        DnsReport.SrvRecord i = incoming.get();
        Security inSecurity = i.service().matches("_(imaps|pop3s)\\._tcp") ? Security.SSL_TLS : Security.STARTTLS;
        AccountProfile profile = new AccountProfile(email, "", email,
                new IncomingServer(imap.isPresent() ? MailProtocol.IMAP : MailProtocol.POP3, i.target(), i.port(), inSecurity),
                outgoing(s), email, new SmtpAuth.SameAsIncoming(), false, "",
                AccountProfile.DEFAULT_TIMEOUT);
        return Optional.of(new AccountSuggestion(AccountSuggestion.Source.SRV, report.domain(), profile,
                s.service() + "." + report.domain() + ", " + i.service() + "." + report.domain(), List.of()));
    }

    /// The best usable record of a service; "." (RFC 2782: not offered) counts as none.
    private static Optional<DnsReport.SrvRecord> first(DnsReport report, String service) {
        return report.srv().stream().filter(r -> r.service().equals(service) && !r.target().equals(".")).findFirst();
    }

    /// "Fill from provider" from DNS: MX provider and SRV records of the address's domain. Asks only those
    /// questions (no SPF, no server names), side by side; an interrupt (Cancel) ends it.
    public AccountSetupSuggestions.Source suggestionSource() {
        return email -> {
            int at = email.lastIndexOf('@');
            return at < 0 ? List.of() : suggestions(setupFacts(email.substring(at + 1)), email);
        };
    }

    /// The MX records with their provider and the RFC 6186 SRV records of a domain: what proposing settings needs.
    DnsReport setupFacts(String domainIn) throws InterruptedException {
        String domain = DnsLookup.strip(domainIn).toLowerCase(Locale.ROOT);
        List<Finding> findings = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<DnsAnswer> mxF = pool.submit(() -> lookup.query(domain, Type.MX));
            Map<String, Future<DnsAnswer>> srvF = askSrv(pool, domain);
            try {
                DnsAnswer mxAnswer = mxF.get();
                List<MxRecord> mx = mx(domain, mxAnswer, findings, pool);
                Optional<Provider> provider = singleProvider(domain, mx, findings);
                List<DnsReport.SrvRecord> srv = new ArrayList<>();
                for (var e : srvF.entrySet()) {
                    DnsAnswer a = e.getValue().get();
                    if (!a.status().failed()) {
                        srv(e.getKey(), a, srv);
                    }
                }
                return new DnsReport(domain, lookup.description(), mxAnswer.status(), mx, provider.map(Provider::id),
                        List.of(), srv, Optional.empty(), List.of(), List.of(), findings);
            } catch (InterruptedException e) {
                // Cancelled: stop the look-ups still waiting for an answer, or closing the pool would wait for them.
                pool.shutdownNow();
                throw e;
            } catch (ExecutionException e) {
                throw new IllegalStateException("DNS look-up failed", e.getCause());
            }
        }
    }

    /// The RFC 6186 SRV questions of a domain, asked side by side; keyed by service label.
    private Map<String, Future<DnsAnswer>> askSrv(ExecutorService pool, String domain) {
        Map<String, Future<DnsAnswer>> answers = new LinkedHashMap<>();
        for (String s : SRV_SERVICES) {
            answers.put(s, pool.submit(() -> lookup.query(s + "." + domain, Type.SRV)));
        }
        return answers;
    }

    private static Finding lookupFailed(String name, String type, DnsAnswer a) {
        return new Finding(FindingCode.DNS_LOOKUP_FAILED, Severity.WARNING,
                Map.of("name", name, "type", type, "status", a.status().name()));
    }
}
