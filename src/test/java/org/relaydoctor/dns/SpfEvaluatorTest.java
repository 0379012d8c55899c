package org.relaydoctor.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaydoctor.dns.SpfEvaluator.Result;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/// SPF evaluation against an in-memory zone: no network.
class SpfEvaluatorTest {
    private final Map<String, List<Record>> zone = new HashMap<>();
    private final Map<String, DnsStatus> failures = new HashMap<>();
    private int questions;

    private final SpfEvaluator spf = new SpfEvaluator((name, type) -> {
        questions++;
        String key = name.toLowerCase() + "/" + Type.string(type);
        if (failures.containsKey(key)) {
            return DnsAnswer.failed(name, type, failures.get(key), "test");
        }
        List<Record> rs = zone.getOrDefault(key, List.of());
        boolean exists = zone.keySet().stream().anyMatch(k -> k.startsWith(name.toLowerCase() + "/"));
        return new DnsAnswer(name, type, !rs.isEmpty() ? DnsStatus.FOUND : exists ? DnsStatus.NO_DATA : DnsStatus.NXDOMAIN,
                rs, "");
    });

    private static Name n(String s) throws Exception {
        return Name.fromString(s, Name.root);
    }

    private void txt(String domain, String text) throws Exception {
        zone.computeIfAbsent(domain + "/TXT", k -> new ArrayList<>()).add(new TXTRecord(n(domain), DClass.IN, 60, text));
    }

    private void a(String host, String address) throws Exception {
        InetAddress ip = InetAddress.getByName(address);
        Record r = ip.getAddress().length == 4 ? new ARecord(n(host), DClass.IN, 60, ip) : new AAAARecord(n(host), DClass.IN, 60, ip);
        zone.computeIfAbsent(host + "/" + (ip.getAddress().length == 4 ? "A" : "AAAA"), k -> new ArrayList<>()).add(r);
    }

    private void mx(String domain, String host) throws Exception {
        zone.computeIfAbsent(domain + "/MX", k -> new ArrayList<>()).add(new MXRecord(n(domain), DClass.IN, 60, 10, n(host)));
    }

    private SpfEvaluator.Evaluation eval(String domain, String ip) throws Exception {
        return spf.evaluate(domain, InetAddress.getByName(ip));
    }

    @Test
    void ip4AndIp6WithPrefixes() throws Exception {
        txt("s.test", "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all");
        assertThat(eval("s.test", "192.0.2.77").result()).isEqualTo(Result.PASS);
        assertThat(eval("s.test", "192.0.3.1").result()).isEqualTo(Result.FAIL);
        assertThat(eval("s.test", "2001:db8:1::5").result()).isEqualTo(Result.PASS);
        assertThat(eval("s.test", "2001:db9::5").result()).isEqualTo(Result.FAIL);
        assertThat(eval("s.test", "192.0.2.77").lookups()).isZero();
    }

    @Test
    void aAndMxMechanismsWithOtherDomainsAndCidr() throws Exception {
        txt("s.test", "v=spf1 a mx:other.test a:relay.test/28 ~all");
        a("s.test", "198.51.100.1");
        mx("other.test", "mx.other.test");
        a("mx.other.test", "203.0.113.9");
        a("relay.test", "192.0.2.16");
        assertThat(eval("s.test", "198.51.100.1").mechanism()).isEqualTo("s.test: a");
        assertThat(eval("s.test", "203.0.113.9").result()).isEqualTo(Result.PASS);
        assertThat(eval("s.test", "192.0.2.31").result()).isEqualTo(Result.PASS);
        SpfEvaluator.Evaluation miss = eval("s.test", "192.0.2.32");
        assertThat(miss.result()).isEqualTo(Result.SOFTFAIL);
        assertThat(miss.lookups()).isEqualTo(3);
    }

    @Test
    void includeAndRedirect() throws Exception {
        txt("s.test", "v=spf1 include:_spf.provider.test redirect=fallback.test");
        txt("_spf.provider.test", "v=spf1 ip4:192.0.2.1 -all");
        txt("fallback.test", "v=spf1 ip4:192.0.2.2 ?all");
        assertThat(eval("s.test", "192.0.2.1").result()).isEqualTo(Result.PASS);
        // a FAIL inside an include is just "no match"; then redirect decides
        assertThat(eval("s.test", "192.0.2.2").result()).isEqualTo(Result.PASS);
        assertThat(eval("s.test", "192.0.2.3").result()).isEqualTo(Result.NEUTRAL);
    }

    @Test
    void includeOfADomainWithoutSpfIsAPermanentError() throws Exception {
        txt("s.test", "v=spf1 include:nothing.test -all");
        assertThat(eval("s.test", "192.0.2.1").result()).isEqualTo(Result.PERMERROR);
    }

    @Test
    void theTenLookupLimitIsEnforced() throws Exception {
        StringBuilder chain = new StringBuilder("v=spf1");
        for (int i = 0; i < 11; i++) {
            chain.append(" a:h").append(i).append(".test");
            a("h" + i + ".test", "198.51.100." + (i + 1));
        }
        txt("s.test", chain + " -all");
        SpfEvaluator.Evaluation e = eval("s.test", "203.0.113.1");
        assertThat(e.result()).isEqualTo(Result.PERMERROR);
        assertThat(e.mechanism()).contains("10");
        // the tenth term still counts
        assertThat(eval("s.test", "198.51.100.10").result()).isEqualTo(Result.PASS);
    }

    @Test
    void includeLoopsEndInPermanentError() throws Exception {
        txt("a.test", "v=spf1 include:b.test -all");
        txt("b.test", "v=spf1 include:a.test -all");
        assertThat(eval("a.test", "192.0.2.1").result()).isEqualTo(Result.PERMERROR);
    }

    @Test
    void noneTwoRecordsAndUnknownMechanisms() throws Exception {
        assertThat(eval("empty.test", "192.0.2.1").result()).isEqualTo(Result.NONE);
        txt("two.test", "v=spf1 -all");
        txt("two.test", "v=spf1 +all");
        assertThat(eval("two.test", "192.0.2.1").result()).isEqualTo(Result.PERMERROR);
        txt("bad.test", "v=spf1 frobnicate:x -all");
        assertThat(eval("bad.test", "192.0.2.1").result()).isEqualTo(Result.PERMERROR);
        txt("other.test", "v=spf10 -all");
        txt("other.test", "google-site-verification=abc");
        assertThat(eval("other.test", "192.0.2.1").result()).isEqualTo(Result.NONE);
    }

    @Test
    void dnsFailuresAreTemporaryErrorsNotAbsence() throws Exception {
        failures.put("s.test/TXT", DnsStatus.SERVFAIL);
        assertThat(eval("s.test", "192.0.2.1").result()).isEqualTo(Result.TEMPERROR);
        txt("t.test", "v=spf1 a:slow.test -all");
        failures.put("slow.test/A", DnsStatus.TIMEOUT);
        assertThat(eval("t.test", "192.0.2.1").result()).isEqualTo(Result.TEMPERROR);
    }

    @Test
    void existsWithAddressMacroAndPtrNeverMatches() throws Exception {
        txt("s.test", "v=spf1 ptr exists:%{i}.allow.test -all");
        a("192.0.2.5.allow.test", "127.0.0.2");
        assertThat(eval("s.test", "192.0.2.5").result()).isEqualTo(Result.PASS);
        assertThat(eval("s.test", "192.0.2.6").result()).isEqualTo(Result.FAIL);
    }
}
