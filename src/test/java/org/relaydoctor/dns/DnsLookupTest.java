package org.relaydoctor.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/// Failure kinds of a look-up, against tiny UDP servers on loopback that answer SERVFAIL, REFUSED or nothing.
class DnsLookupTest {

    /// Answers every query with `rcode` (or never, when `rcode` is negative).
    private static DatagramSocket server(int rcode) throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[512];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    if (rcode < 0) {
                        continue;
                    }
                    Message q = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                    Message r = new Message(q.getHeader().getID());
                    r.getHeader().setFlag(org.xbill.DNS.Flags.QR);
                    r.getHeader().setRcode(rcode);
                    r.addRecord(q.getQuestion(), org.xbill.DNS.Section.QUESTION);
                    byte[] out = r.toWire();
                    socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                } catch (Exception e) {
                    return;
                }
            }
        });
        return socket;
    }

    private static DnsAnswer ask(DatagramSocket s, String name) throws Exception {
        return DnsLookup.using(new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort()),
                Duration.ofMillis(500)).query(name, Type.MX);
    }

    @Test
    void servfailIsReportedAsSuch() throws Exception {
        try (DatagramSocket s = server(Rcode.SERVFAIL)) {
            DnsAnswer a = ask(s, "example.org");
            assertThat(a.status()).isEqualTo(DnsStatus.SERVFAIL);
            assertThat(a.status().failed()).isTrue();
            assertThat(a.records()).isEmpty();
        }
    }

    @Test
    void refusedIsReportedAsSuch() throws Exception {
        try (DatagramSocket s = server(Rcode.REFUSED)) {
            assertThat(ask(s, "example.org").status()).isEqualTo(DnsStatus.REFUSED);
        }
    }

    @Test
    void silenceIsATimeOut() throws Exception {
        try (DatagramSocket s = server(-1)) {
            assertThat(ask(s, "example.org").status()).isEqualTo(DnsStatus.TIMEOUT);
        }
    }

    @Test
    void theSystemResolverIsNeverAskedForReservedNamesOrPrivateAddresses() throws Exception {
        DnsLookup system = DnsLookup.system(Duration.ofMillis(200));
        assertThat(system.explicit()).isFalse();
        assertThat(system.query("demo.test", Type.MX).status()).isEqualTo(DnsStatus.NOT_ASKED);
        assertThat(system.query("mail.example", Type.A).status()).isEqualTo(DnsStatus.NOT_ASKED);
        assertThat(system.query("x.invalid", Type.A).status()).isEqualTo(DnsStatus.NOT_ASKED);
        assertThat(system.query("example.com", Type.MX).status()).isEqualTo(DnsStatus.NOT_ASKED);
        assertThat(system.query("_submission._tcp.example.org", Type.SRV).status()).isEqualTo(DnsStatus.NOT_ASKED);
        assertThat(system.reverse(InetAddress.getByName("192.168.1.5")).status()).isEqualTo(DnsStatus.NOT_ASKED);
        assertThat(system.reverse(InetAddress.getByName("127.0.0.1")).status()).isEqualTo(DnsStatus.NOT_ASKED);
        assertThat(system.reverse(InetAddress.getByName("100.64.0.1")).status()).isEqualTo(DnsStatus.NOT_ASKED);
        assertThat(new DnsChecker(system).blocklist(InetAddress.getByName("10.0.0.1"),
                DnsBlocklist.parse("zen.spamhaus.org")).status()).isEqualTo(DnsStatus.NOT_ASKED);
    }

    @Test
    void literalsAreParsedWithoutAQuestion() {
        assertThat(DnsLookup.literal("192.0.2.1")).isPresent();
        assertThat(DnsLookup.literal("[2001:db8::1]")).isPresent();
        assertThat(DnsLookup.literal("mail.example.org")).isEmpty();
        assertThat(DnsLookup.literal("999.1.1.1")).isEmpty();
    }
}
