package org.relaydoctor.demo;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Arrays;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/// The demo's own DNS server on 127.0.0.1 (UDP): the demo domain's MX, SPF and server names, and "no such name" for
/// everything else (blocklists included), so that a demo check's DNS facts are complete and no question ever
/// leaves the machine.
public final class DemoDns implements Closeable {
    /// The demo domain's MX host (127.0.0.1, like every demo server); only the inbound-only scenario is entered by it.
    public static final String MX_HOST = "mx." + SmtpHandler.DOMAIN;
    private static final long TTL = 300;

    private final DatagramSocket socket;
    private final List<Record> zone;

    private DemoDns(DatagramSocket socket, List<Record> zone) {
        this.socket = socket;
        this.zone = zone;
    }

    public static DemoDns start() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        DemoDns dns = new DemoDns(socket, zone());
        Thread.ofPlatform().daemon().name("demo-dns").start(dns::serve);
        return dns;
    }

    private static List<Record> zone() throws TextParseException {
        Name domain = Name.fromString(SmtpHandler.DOMAIN + ".");
        Name mx = Name.fromString(MX_HOST + ".");
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return List.of(
                new MXRecord(domain, DClass.IN, TTL, 10, mx),
                new TXTRecord(domain, DClass.IN, TTL, "v=spf1 ip4:127.0.0.0/8 -all"),
                new ARecord(mx, DClass.IN, TTL, loopback),
                new ARecord(Name.fromString(SmtpHandler.HOST + "."), DClass.IN, TTL, loopback));
    }

    /// Where to send the demo's DNS questions (the check's resolver).
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /// The same as `--dns-server` takes it ("127.0.0.1:PORT").
    public String hostAndPort() {
        return address().getAddress().getHostAddress() + ":" + address().getPort();
    }

    private void serve() {
        byte[] buffer = new byte[1500];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] answer = answer(Arrays.copyOf(packet.getData(), packet.getLength()));
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // a closed socket ends the loop; a malformed question gets no answer
            }
        }
    }

    byte[] answer(byte[] query) throws IOException {
        Message question = new Message(query);
        Message response = new Message(question.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (question.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        Record q = question.getQuestion();
        if (q == null) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return response.toWire();
        }
        response.addRecord(q, Section.QUESTION);
        List<Record> named = zone.stream().filter(r -> r.getName().equals(q.getName())).toList();
        if (named.isEmpty()) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        named.stream().filter(r -> r.getType() == q.getType() || q.getType() == Type.ANY)
                .forEach(r -> response.addRecord(r, Section.ANSWER));
        return response.toWire(512);
    }

    @Override
    public void close() {
        socket.close();
    }
}
