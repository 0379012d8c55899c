package org.relaydoctor.check;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;

/// How a check runs, apart from the account itself.
///
/// @param dnsServer        a resolver to use for every look-up instead of the system's
/// @param testSend         send a real test message at the end (off by default: nothing is delivered)
/// @param otherPorts       also try the other submission ports (25, 465, 587) beside the configured one
/// @param trustAllCertificates  accept any certificate (tests and the demo servers only; a finding still says so)
/// @param locale           the language of step titles and summaries
public record CheckOptions(
        Optional<InetSocketAddress> dnsServer,
        boolean testSend,
        boolean otherPorts,
        boolean trustAllCertificates,
        Locale locale) {

    public static CheckOptions defaults() {
        return new CheckOptions(Optional.empty(), false, true, false, Locale.getDefault());
    }
}
