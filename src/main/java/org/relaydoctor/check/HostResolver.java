package org.relaydoctor.check;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.relaydoctor.dns.DnsLookup;

/// Turns a server name into addresses. The default asks the system resolver; with `--dns-server` every name
/// goes to that resolver through dnsjava, and tests pass a fixed table.
@FunctionalInterface
public interface HostResolver {
    /// The addresses of `host`, best first; throws when the name does not resolve.
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /// The system resolver (`InetAddress.getAllByName`), IPv4 first since many mail servers listen only there.
    HostResolver SYSTEM = host -> {
        List<InetAddress> all = List.of(InetAddress.getAllByName(host));
        return all.stream().sorted((a, b) -> Boolean.compare(a instanceof java.net.Inet6Address,
                b instanceof java.net.Inet6Address)).toList();
    };

    /// The system resolver, or every name sent to `server` when one is given (an unusable server name is
    /// reported for each look-up).
    static HostResolver of(Optional<InetSocketAddress> server) {
        if (server.isEmpty()) {
            return SYSTEM;
        }
        return host -> {
            Optional<InetAddress> literal = DnsLookup.literal(host);
            if (literal.isPresent()) {
                return List.of(literal.get());
            }
            return DnsLookup.using(server.get(), Duration.ofSeconds(5)).resolve(host);
        };
    }
}
