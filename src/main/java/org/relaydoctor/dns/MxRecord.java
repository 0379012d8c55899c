package org.relaydoctor.dns;

import java.util.List;
import java.util.Optional;

/// One MX record of a domain and the provider recognised behind it.
///
/// @param preference  the MX preference (lower is tried first)
/// @param host        the exchange host name, without the trailing dot
/// @param provider    the provider id from the catalogue, when recognised
/// @param addresses   the exchange's A/AAAA addresses
/// @param problem     what is wrong with the record, if anything
public record MxRecord(int preference, String host, Optional<String> provider, List<String> addresses,
        Optional<Problem> problem) {

    public MxRecord {
        addresses = List.copyOf(addresses);
    }

    public MxRecord(int preference, String host, Optional<String> provider) {
        this(preference, host, provider, List.of(), Optional.empty());
    }

    /// What can be wrong with an MX record (RFC 5321 5.1, RFC 2181 10.3).
    public enum Problem {
        /// The exchange is an alias (CNAME); MX must name a host.
        CNAME,
        /// The exchange is an IP address written as a name.
        IP_LITERAL,
        /// The exchange name does not resolve.
        NOT_FOUND,
        /// Its address look-up failed (time-out, SERVFAIL): unknown, not missing.
        LOOKUP_FAILED
    }
}
