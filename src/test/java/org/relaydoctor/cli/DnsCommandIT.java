package org.relaydoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaydoctor.demo.DemoScenario;
import org.relaydoctor.demo.DemoServers;
import org.relaydoctor.dns.Dnsmasq;

/// `relay-doctor dns` and `relay-doctor check --dns-server` end to end, every look-up sent to a dnsmasq on
/// loopback and the SMTP side played by the demo servers.
class DnsCommandIT {
    @TempDir
    static Path dir;
    static Dnsmasq dnsmasq;
    static DemoServers demo;

    @BeforeAll
    static void start() throws Exception {
        dnsmasq = Dnsmasq.start(dir);
        demo = DemoServers.start();
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
        if (dnsmasq != null) {
            dnsmasq.close();
        }
    }

    @Test
    void dnsJsonOfAGoodDomainExitsZero() throws Exception {
        CheckCommandTest.Run r = CheckCommandTest.run("dns", "good.test", "--json", "--dns-server", dnsmasq.hostPort());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/kind").asText()).isEqualTo("dns");
        assertThat(json.at("/dns/provider").asText()).isEqualTo("regru-hosting");
        assertThat(json.at("/dns/mx/0/host").asText()).isEqualTo("mx1.hosting.reg.ru");
        assertThat(json.at("/dns/srv").size()).isEqualTo(3);
        assertThat(json.at("/dns/spf/record").asText()).startsWith("v=spf1");
    }

    @Test
    void dnsTextOfAMixedDomainInRussianExitsOne() {
        CheckCommandTest.Run r = CheckCommandTest.run("dns", "mixed.test", "--lang", "ru", "--dns-server", dnsmasq.hostPort());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("[MX_MIXED]").contains("Смешивать MX-записи разных провайдеров нельзя")
                .contains("Yandex 360").contains("Reg.ru hosting mail");
    }

    @Test
    void dnsTextInRussianNamesTheServersRolesInRussian() {
        CheckCommandTest.Run r = CheckCommandTest.run("dns", "good.test", "--smtp-host", "smtp.good.test", "--lang", "ru",
                "--dns-server", dnsmasq.hostPort());
        assertThat(r.out()).contains("Имя сервера (исходящая почта) smtp.good.test: 127.0.0.1")
                .contains("Обратная запись DNS (исходящая почта)").doesNotContain("(outgoing)");
    }

    @Test
    void dnsOfAnUnansweringDomainCouldNotCheck() {
        CheckCommandTest.Run r = CheckCommandTest.run("dns", "broken.test", "--timeout", "1", "--dns-server",
                dnsmasq.hostPort());
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.out()).contains("TIMEOUT").doesNotContain("[MX_MISSING]");
    }

    @Test
    void badDnsArgumentsAreUsageErrors() {
        assertThat(CheckCommandTest.run("dns", "no such domain").status()).isEqualTo(2);
        CheckCommandTest.Run r = CheckCommandTest.run("dns", "good.test", "--dns-server", "127.0.0.1:99999");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("Exception");
        assertThat(CheckCommandTest.run("dns", "good.test", "--blocklist", "not a zone").status()).isEqualTo(2);
        CheckCommandTest.Run c = CheckCommandTest.run("check", "--email", "a@good.test", "--smtp-host", "smtp.good.test",
                "--dns-server", "127.0.0.1:0");
        assertThat(c.status()).isEqualTo(2);
        assertThat(c.err()).contains("--dns-server").doesNotContain("Exception");
    }

    private List<String> check(DemoScenario s, String email, String... extra) throws Exception {
        Path pw = dir.resolve("password-" + s.id());
        Files.writeString(pw, s.password().reveal() + "\n");
        var p = s.profile();
        List<String> a = new ArrayList<>(List.of("check", "--email", email, "--smtp-host", "smtp.good.test",
                "--smtp-port", String.valueOf(p.outgoing().port()), "--smtp-security", "none",
                "--incoming", "pop3", "--incoming-host", "imap.good.test",
                "--incoming-port", String.valueOf(p.incoming().port()), "--user", p.login(),
                "--password-file", pw.toString(), "--to", p.testRecipient(), "--timeout", "5",
                "--dns-server", dnsmasq.hostPort(), "--blocklist", "pbl.test:policy", "--json"));
        a.addAll(List.of(extra));
        return a;
    }

    @Test
    void checkResolvesThroughTheDnsServerAndReportsDnsFirst() throws Exception {
        CheckCommandTest.Run r = CheckCommandTest.run(check(demo.scenario("auth-required").orElseThrow(), "alice@mixed.test")
                .toArray(String[]::new));
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/verdict/code").asText()).as(r.err()).isEqualTo("AUTH_REQUIRED");
        assertThat(json.at("/steps/0/kind").asText()).isEqualTo("DNS");
        assertThat(json.at("/dns/domain").asText()).isEqualTo("mixed.test");
        assertThat(json.at("/dns/resolver").asText()).isEqualTo(dnsmasq.hostPort());
        assertThat(json.at("/dns/servers/1/addresses/0").asText()).isEqualTo("127.0.0.1");
        assertThat(json.at("/findings").toString()).contains("MX_MIXED");
        assertThat(json.at("/dns/findings/0/detail").asText()).contains("mixed.test").contains("Yandex 360")
                .doesNotContain("{");
        // smtp.good.test exists only in dnsmasq: the connection proves the name went there
        assertThat(json.at("/smtp/address").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void aPolicyListingBacksClientBlockedDynamic() throws Exception {
        CheckCommandTest.Run r = CheckCommandTest.run(check(demo.scenario("client-blocked-dynamic").orElseThrow(),
                "alice@good.test").toArray(String[]::new));
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/verdict/code").asText()).as(r.err()).isEqualTo("CLIENT_BLOCKED_DYNAMIC");
        assertThat(json.at("/verdict/evidence").toString()).contains("DNSBL: 127.0.0.1 listed in pbl.test (127.0.0.11)");
        assertThat(json.at("/dns/blocklists/0/listed").asBoolean()).isTrue();
        assertThat(json.at("/dns/reverse").toString()).contains("\"role\":\"client\"").contains("smtp.good.test");
    }

    @Test
    void aListingDoesNotOverrideARefusalThatNamesReverseDns() throws Exception {
        CheckCommandTest.Run r = CheckCommandTest.run(check(demo.scenario("client-blocked").orElseThrow(),
                "alice@good.test").toArray(String[]::new));
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/verdict/code").asText()).as(r.err()).isEqualTo("CLIENT_BLOCKED");
        assertThat(json.at("/verdict/alternatives").toString()).contains("CLIENT_BLOCKED_DYNAMIC");
        assertThat(json.at("/verdict/evidence").toString()).contains("DNSBL");
    }

    @Test
    void anUnresolvableOutgoingServerGetsTheProvidersNameAsFix() throws Exception {
        List<String> args = check(demo.scenario("ok").orElseThrow(), "alice@good.test");
        args.set(args.indexOf("smtp.good.test"), "smtp.hosting.reg.ru");
        CheckCommandTest.Run r = CheckCommandTest.run(args.toArray(String[]::new));
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/verdict/code").asText()).as(r.err()).isEqualTo("HOST_NOT_FOUND");
        assertThat(json.at("/verdict/changes/0/type").asText()).isEqualTo("outgoingHost");
        assertThat(json.at("/verdict/changes/0/host").asText()).isEqualTo("mail.hosting.reg.ru");
        assertThat(json.at("/dns/servers/1/didYouMean").asText()).isEqualTo("mail.hosting.reg.ru");
    }
}
