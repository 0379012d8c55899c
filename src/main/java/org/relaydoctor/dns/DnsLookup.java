package org.relaydoctor.dns;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/// Asks one resolver — the system's, or the one given with `--dns-server` — and keeps the kind of failure:
/// a time-out or SERVFAIL is not "no records". Without an explicit resolver, reserved test names (RFC 2606/6761)
/// and private addresses are never sent out, so that test and demo checks stay on this machine.
public final class DnsLookup {
    private final Resolver resolver;
    private final boolean explicit;
    private final String description;

    private DnsLookup(Resolver resolver, boolean explicit, String description) {
        this.resolver = resolver;
        this.explicit = explicit;
        this.description = description;
    }

    /// The system's resolvers (`/etc/resolv.conf`, the Windows or macOS settings), as dnsjava reads them.
    public static DnsLookup system(Duration timeout) {
        ExtendedResolver r = new ExtendedResolver();
        r.setTimeout(timeout);
        r.setRetries(2);
        return new DnsLookup(r, false, "system");
    }

    /// Every question goes to `server` (UDP, TCP when an answer is truncated).
    public static DnsLookup using(InetSocketAddress server, Duration timeout) throws UnknownHostException {
        InetSocketAddress resolved = server.isUnresolved()
                ? new InetSocketAddress(InetAddress.getByName(server.getHostString()), server.getPort()) : server;
        SimpleResolver r = new SimpleResolver(resolved);
        r.setTimeout(timeout);
        return new DnsLookup(r, true, resolved.getAddress().getHostAddress() + ":" + resolved.getPort());
    }

    /// The system's resolver, or `server` when one is given.
    public static DnsLookup of(Optional<InetSocketAddress> server, Duration timeout) throws UnknownHostException {
        return server.isPresent() ? using(server.get(), timeout) : system(timeout);
    }

    /// "system", or the explicit resolver's address and port.
    public String description() {
        return description;
    }

    public boolean explicit() {
        return explicit;
    }

    /// One question; never throws for DNS or network trouble.
    public DnsAnswer query(String name, int type) {
        String n = strip(name);
        if (!explicit && reservedName(n)) {
            return DnsAnswer.failed(n, type, DnsStatus.NOT_ASKED, "reserved name");
        }
        Name qname;
        try {
            qname = Name.fromString(n, Name.root);
        } catch (TextParseException e) {
            return DnsAnswer.failed(n, type, DnsStatus.ERROR, "not a DNS name");
        }
        Message response;
        try {
            response = resolver.send(Message.newQuery(Record.newRecord(qname, type, DClass.IN)));
        } catch (IOException e) {
            if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)
                    || Thread.currentThread().isInterrupted()) {
                return DnsAnswer.failed(n, type, DnsStatus.ERROR, "interrupted");
            }
            return DnsAnswer.failed(n, type, isTimeout(e) ? DnsStatus.TIMEOUT : DnsStatus.ERROR, String.valueOf(e.getMessage()));
        }
        return switch (response.getRcode()) {
            case Rcode.NOERROR -> {
                List<Record> answer = response.getSection(Section.ANSWER);
                boolean any = answer.stream().anyMatch(r -> r.getType() == type);
                yield new DnsAnswer(n, type, any ? DnsStatus.FOUND : DnsStatus.NO_DATA, answer, "");
            }
            case Rcode.NXDOMAIN -> new DnsAnswer(n, type, DnsStatus.NXDOMAIN, response.getSection(Section.ANSWER), "");
            case Rcode.SERVFAIL -> DnsAnswer.failed(n, type, DnsStatus.SERVFAIL, "SERVFAIL");
            case Rcode.REFUSED -> DnsAnswer.failed(n, type, DnsStatus.REFUSED, "REFUSED");
            default -> DnsAnswer.failed(n, type, DnsStatus.ERROR, Rcode.string(response.getRcode()));
        };
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException
                    || String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    /// The A and AAAA addresses of `host` (IPv4 first), with the status of the look-up as a whole: FOUND when
    /// any address came back, else the A question's failure if it failed, else the AAAA one's.
    public Addresses addresses(String host) {
        String h = strip(host);
        Optional<InetAddress> literal = literal(h);
        if (literal.isPresent()) {
            return new Addresses(h, DnsStatus.FOUND, List.of(literal.get()), List.of(), "");
        }
        DnsAnswer a = query(h, Type.A);
        DnsAnswer aaaa = query(h, Type.AAAA);
        List<InetAddress> out = new ArrayList<>();
        a.ofType().forEach(r -> out.add(((ARecord) r).getAddress()));
        aaaa.ofType().forEach(r -> out.add(((AAAARecord) r).getAddress()));
        List<String> cnames = a.records().stream().filter(r -> r.getType() == Type.CNAME)
                .map(r -> strip(r.rdataToString())).toList();
        DnsStatus status;
        String detail = "";
        if (!out.isEmpty()) {
            status = DnsStatus.FOUND;
        } else if (!a.status().answered()) {
            status = a.status();
            detail = a.detail();
        } else if (!aaaa.status().answered()) {
            status = aaaa.status();
            detail = aaaa.detail();
        } else {
            status = a.status() == DnsStatus.NXDOMAIN ? DnsStatus.NXDOMAIN : DnsStatus.NO_DATA;
        }
        return new Addresses(h, status, out, cnames, detail);
    }

    /// For the check's host resolver: the addresses, or an exception naming why there are none.
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        Addresses a = addresses(host);
        if (a.addresses().isEmpty()) {
            throw new UnknownHostException(host + ": " + a.status());
        }
        return a.addresses();
    }

    /// The PTR answer of an address.
    public DnsAnswer reverse(InetAddress address) {
        if (!explicit && !publicAddress(address)) {
            return DnsAnswer.failed(address.getHostAddress(), Type.PTR, DnsStatus.NOT_ASKED, "private address");
        }
        return query(org.xbill.DNS.ReverseMap.fromAddress(address).toString(), Type.PTR);
    }

    /// The addresses of a host, and the CNAME chain the A question went through.
    ///
    /// @param host       the name asked
    /// @param status     FOUND when any address came back; else why not
    /// @param addresses  IPv4 first, then IPv6
    /// @param cnames     the aliases in the answer (an MX must not be one)
    /// @param detail     a failure's message
    public record Addresses(String host, DnsStatus status, List<InetAddress> addresses, List<String> cnames,
            String detail) {
        public Addresses {
            addresses = List.copyOf(addresses);
            cnames = List.copyOf(cnames);
        }

        public List<String> texts() {
            return addresses.stream().map(InetAddress::getHostAddress).toList();
        }
    }

    /// An IPv4 or IPv6 literal, parsed without any DNS question.
    public static Optional<InetAddress> literal(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (t.matches("\\d{1,3}(\\.\\d{1,3}){3}") || t.contains(":") && t.matches("[0-9A-Fa-f:.]+")) {
            try {
                return Optional.of(InetAddress.ofLiteral(t)); // parsed, never looked up (getByName asked DNS for "999.1.1.1")
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /// Names under the special-use domains no public resolver answers for (RFC 2606, RFC 6761), and the
    /// documentation domains example.com/.net/.org (RFC 2606 section 3), which hold no one's mail.
    static boolean reservedName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String tld : List.of("test", "example", "invalid", "localhost", "local", "example.com", "example.net",
                "example.org")) {
            if (n.equals(tld) || n.endsWith("." + tld)) {
                return true;
            }
        }
        return false;
    }

    /// Whether an address is globally routable (not loopback, private, link-local, CGNAT or unique-local).
    static boolean publicAddress(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return !((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64);
        }
        return !(a instanceof Inet6Address) || (b[0] & 0xfe) != 0xfc;
    }

    static String strip(String name) {
        String n = name.strip();
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
