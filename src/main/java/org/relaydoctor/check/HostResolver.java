package org.relaydoctor.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/// Turns a server name into addresses. The default asks the system resolver; the DNS package plugs in a
/// dnsjava-backed one (honouring `--dns-server`), and tests pass a fixed table.
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
}
