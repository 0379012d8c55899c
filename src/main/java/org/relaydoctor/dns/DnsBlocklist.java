package org.relaydoctor.dns;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/// A DNS blocklist zone to look the client address up in.
///
/// @param zone         the zone (`zen.spamhaus.org`)
/// @param name         how to call it in texts
/// @param policyCodes  answers that mean a policy listing (dynamic / residential range, like Spamhaus PBL's
///                     127.0.0.10 and .11); every answer counts as policy when the list is given as `ZONE:policy`
/// @param allPolicy    the whole list is a policy list
public record DnsBlocklist(String zone, String name, List<String> policyCodes, boolean allPolicy) {
    public DnsBlocklist {
        Objects.requireNonNull(zone, "zone");
        policyCodes = List.copyOf(policyCodes);
    }

    /// Parses `ZONE` or `ZONE:policy` (the command line's `--blocklist`).
    public static DnsBlocklist parse(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        boolean policy = s.endsWith(":policy");
        String zone = DnsLookup.strip(policy ? s.substring(0, s.length() - ":policy".length()) : s);
        if (!zone.matches("[a-z0-9_-]+(\\.[a-z0-9_-]+)+")) {
            throw new IllegalArgumentException("'" + spec + "' is not a blocklist zone (ZONE or ZONE:policy)");
        }
        return new DnsBlocklist(zone, zone, List.of(), policy);
    }

    /// Whether an answer of this list means a policy listing.
    public boolean policy(List<String> codes) {
        return allPolicy || codes.stream().anyMatch(policyCodes::contains);
    }
}
