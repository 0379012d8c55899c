package org.relaydoctor.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaydoctor.diagnosis.Finding;
import org.relaydoctor.diagnosis.FindingCode;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.AccountSuggestion;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;

/// The DNS checks against a real dnsmasq on loopback with the zones of `src/test/dns/test-zones.conf`.
class DnsmasqIT {
    @TempDir
    static Path dir;
    static Dnsmasq dnsmasq;
    static DnsChecker checker;

    @BeforeAll
    static void start() throws Exception {
        dnsmasq = Dnsmasq.start(dir);
        checker = new DnsChecker(dnsmasq.lookup(Duration.ofSeconds(2)), ProviderCatalog.bundled(),
                List.of(DnsBlocklist.parse("pbl.test:policy"), DnsBlocklist.parse("clean.test")));
    }

    @AfterAll
    static void stop() {
        if (dnsmasq != null) {
            dnsmasq.close();
        }
    }

    static AccountProfile account(String email, String incoming, String outgoing) {
        return new AccountProfile(email, "", email, new IncomingServer(MailProtocol.IMAP, incoming, 993, Security.SSL_TLS),
                new OutgoingServer(outgoing, 465, Security.SSL_TLS), email, new SmtpAuth.SameAsIncoming(), false, "",
                Duration.ofSeconds(5));
    }

    static List<FindingCode> codes(DnsReport r) {
        return r.findings().stream().map(Finding::code).toList();
    }

    @Test
    void goodDomainHasOneProviderServersSrvSpfAndReverseDns() {
        DnsReport r = checker.check(account("anna@good.test", "imap.good.test", "smtp.good.test"));
        assertThat(r.resolver()).isEqualTo(dnsmasq.hostPort());
        assertThat(r.mx()).extracting(MxRecord::preference, MxRecord::host)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10, "mx1.hosting.reg.ru"),
                        org.assertj.core.groups.Tuple.tuple(20, "mx2.hosting.reg.ru"));
        assertThat(r.mx()).allSatisfy(m -> {
            assertThat(m.provider()).contains("regru-hosting");
            assertThat(m.problem()).isEmpty();
        });
        assertThat(r.mx().getFirst().addresses()).containsExactly("127.0.0.21");
        assertThat(r.provider()).contains("regru-hosting");
        assertThat(r.servers()).extracting(DnsReport.ServerName::role, DnsReport.ServerName::addresses)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("incoming", List.of("127.0.0.1")),
                        org.assertj.core.groups.Tuple.tuple("outgoing", List.of("127.0.0.1")));
        assertThat(r.srv()).extracting(DnsReport.SrvRecord::service, DnsReport.SrvRecord::port, DnsReport.SrvRecord::target)
                .contains(org.assertj.core.groups.Tuple.tuple("_submission._tcp", 587, "smtp.good.test"),
                        org.assertj.core.groups.Tuple.tuple("_imaps._tcp", 993, "imap.good.test"),
                        org.assertj.core.groups.Tuple.tuple("_pop3s._tcp", 995, "imap.good.test"));
        DnsReport.SpfReport spf = r.spf().orElseThrow();
        assertThat(spf.record()).contains("v=spf1 include:_spf.good.test -all");
        assertThat(spf.evaluations()).singleElement().satisfies(e -> {
            assertThat(e.result()).isEqualTo(SpfEvaluator.Result.PASS);
            assertThat(e.mechanism()).contains("include:_spf.good.test");
            assertThat(e.lookups()).isEqualTo(1);
        });
        assertThat(r.reverse()).singleElement().satisfies(x -> {
            assertThat(x.role()).isEqualTo("outgoing");
            assertThat(x.name()).contains("smtp.good.test");
            assertThat(x.confirmed()).isTrue();
        });
        assertThat(codes(r)).isEmpty();
    }

    @Test
    void suggestionsComeFromTheCatalogueAndSrv() {
        DnsReport r = checker.check("good.test");
        List<AccountSuggestion> s = checker.suggestions(r, "anna@good.test");
        assertThat(s).extracting(AccountSuggestion::source)
                .containsExactly(AccountSuggestion.Source.CATALOG, AccountSuggestion.Source.SRV);
        assertThat(s.get(0).profile().outgoing().host()).isEqualTo("mail.hosting.reg.ru");
        AccountProfile srv = s.get(1).profile();
        assertThat(srv.outgoing()).isEqualTo(new OutgoingServer("smtp.good.test", 587, Security.STARTTLS));
        assertThat(srv.incoming()).isEqualTo(new IncomingServer(MailProtocol.IMAP, "imap.good.test", 993, Security.SSL_TLS));
    }

    @Test
    void mixedMxIsFoundAndSpfNotCoveringIsAFinding() {
        DnsReport r = checker.check(account("anna@mixed.test", "", "smtp.good.test"));
        assertThat(r.provider()).isEmpty();
        assertThat(r.mx()).extracting(m -> m.provider().orElse("")).containsExactly("yandex", "regru-hosting");
        Finding mixed = r.findings().stream().filter(f -> f.code() == FindingCode.MX_MIXED).findFirst().orElseThrow();
        assertThat(mixed.details().get("providers")).contains("Yandex").contains("Reg.ru");
        Finding spf = r.findings().stream().filter(f -> f.code() == FindingCode.SPF_NOT_COVERING).findFirst().orElseThrow();
        assertThat(spf.details()).containsEntry("address", "127.0.0.1").containsEntry("result", "FAIL");
    }

    @Test
    void domainWithoutMxAndWithoutSpf() {
        DnsReport r = checker.check("nomx.test");
        assertThat(r.mxStatus()).isEqualTo(DnsStatus.NO_DATA);
        assertThat(r.mx()).isEmpty();
        assertThat(codes(r)).containsExactlyInAnyOrder(FindingCode.MX_MISSING, FindingCode.SPF_MISSING);
    }

    @Test
    void mxToCnameIpLiteralAndMissingNameAreInvalid() {
        DnsReport r = checker.check("cname.test");
        assertThat(r.mx()).extracting(m -> m.problem().orElseThrow())
                .containsExactly(MxRecord.Problem.CNAME, MxRecord.Problem.IP_LITERAL, MxRecord.Problem.NOT_FOUND);
        assertThat(codes(r)).filteredOn(c -> c == FindingCode.MX_INVALID).hasSize(3);
        assertThat(codes(r)).doesNotContain(FindingCode.MX_MIXED, FindingCode.MX_MISSING);
    }

    @Test
    void unresolvableServerNameSuggestsTheProvidersOwn() {
        DnsReport r = checker.check(account("anna@good.test", "imap.good.test", "smtp.hosting.reg.ru"));
        DnsReport.ServerName out = r.servers().get(1);
        assertThat(out.status()).isEqualTo(DnsStatus.NXDOMAIN);
        assertThat(out.suggestion()).contains("mail.hosting.reg.ru");
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.SERVER_NAME_NOT_FOUND);
            assertThat(f.details()).containsEntry("suggestion", "mail.hosting.reg.ru").containsEntry("role", "outgoing");
        });
    }

    @Test
    void clientAddressReverseDnsAndBlocklists() {
        DnsReport r = checker.client(checker.check("good.test"), "127.0.0.1");
        assertThat(r.reverse()).filteredOn(x -> x.role().equals("client")).singleElement()
                .satisfies(x -> assertThat(x.name()).contains("smtp.good.test"));
        assertThat(r.blocklists()).extracting(DnsReport.BlocklistResult::zone, DnsReport.BlocklistResult::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pbl.test", DnsStatus.FOUND),
                        org.assertj.core.groups.Tuple.tuple("clean.test", DnsStatus.NXDOMAIN));
        DnsReport.BlocklistResult pbl = r.blocklists().getFirst();
        assertThat(pbl.codes()).containsExactly("127.0.0.11");
        assertThat(pbl.policy()).isTrue();
        assertThat(pbl.reason()).contains("dynamic range");
        assertThat(r.findings()).filteredOn(f -> f.code() == FindingCode.CLIENT_LISTED).singleElement()
                .satisfies(f -> assertThat(f.details()).containsEntry("zone", "pbl.test").containsEntry("policy", "true"));
        DnsReport unlisted = checker.client(checker.check("good.test"), "127.0.0.3");
        assertThat(unlisted.blocklists()).noneMatch(DnsReport.BlocklistResult::listed);
        assertThat(unlisted.findings()).extracting(Finding::code).contains(FindingCode.REVERSE_DNS_MISSING)
                .doesNotContain(FindingCode.CLIENT_LISTED);
    }

    @Test
    void aResolverThatCannotAnswerIsATimeOutNotNoRecords() {
        DnsReport r = checker.check("broken.test");
        assertThat(r.mxStatus()).isEqualTo(DnsStatus.TIMEOUT);
        assertThat(codes(r)).contains(FindingCode.DNS_LOOKUP_FAILED).doesNotContain(FindingCode.MX_MISSING,
                FindingCode.SPF_MISSING);
    }

    @Test
    void theCheckersResolverIsTheOnlyOneAsked() throws Exception {
        DnsLookup lookup = dnsmasq.lookup(Duration.ofSeconds(2));
        assertThat(lookup.resolve("smtp.good.test")).extracting(java.net.InetAddress::getHostAddress)
                .containsExactly("127.0.0.1");
        // good.test exists only in dnsmasq's zones: the system resolver could never have answered this
        assertThat(dnsmasq.log()).anyMatch(l -> l.contains("query[A] smtp.good.test"));
    }
}
