package org.relaydoctor.dns;

import java.util.Optional;

/// One MX record of a domain and the provider recognised behind it.
///
/// @param preference  the MX preference (lower is tried first)
/// @param host        the exchange host name, without the trailing dot
/// @param provider    the provider id from the catalogue, when recognised
public record MxRecord(int preference, String host, Optional<String> provider) {}
