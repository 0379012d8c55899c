package org.relaydoctor.check;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/// How a check runs, apart from the account itself.
///
/// @param dnsServer        a resolver to use for every look-up instead of the system's
/// @param testSend         send a real test message at the end (off by default: nothing is delivered)
/// @param otherPorts       also try the other submission ports (25, 465, 587) beside the configured one
/// @param trustAllCertificates  accept any certificate (`--insecure-tls`, tests; a finding still says what is wrong)
/// @param locale           the language of step titles and summaries
/// @param extraTrust       certificates trusted beside the system's store (the demo servers' own, `--trust-cert FILE`)
/// @param submissionPorts  the "other ports" tried beside the configured one ({@link SubmissionPort#STANDARD})
/// @param pinnedCertificates  SHA-256 fingerprints of certificates trusted exactly for this run (`--trust-cert`)
/// @param testMessage      what the test send does when `testSend` is on
public record CheckOptions(
        Optional<InetSocketAddress> dnsServer,
        boolean testSend,
        boolean otherPorts,
        boolean trustAllCertificates,
        Locale locale,
        List<X509Certificate> extraTrust,
        List<SubmissionPort> submissionPorts,
        List<String> pinnedCertificates,
        TestMessage testMessage) {

    public CheckOptions {
        extraTrust = List.copyOf(extraTrust);
        submissionPorts = List.copyOf(submissionPorts);
        pinnedCertificates = List.copyOf(pinnedCertificates);
        java.util.Objects.requireNonNull(testMessage, "testMessage");
    }

    /// The options without extra trust, with the standard other ports.
    public CheckOptions(Optional<InetSocketAddress> dnsServer, boolean testSend, boolean otherPorts,
            boolean trustAllCertificates, Locale locale) {
        this(dnsServer, testSend, otherPorts, trustAllCertificates, locale, List.of(), SubmissionPort.STANDARD,
                List.of(), TestMessage.DEFAULT);
    }

    public static CheckOptions defaults() {
        return new CheckOptions(Optional.empty(), false, true, false, Locale.getDefault());
    }

    public CheckOptions withLocale(Locale value) {
        return new CheckOptions(dnsServer, testSend, otherPorts, trustAllCertificates, value, extraTrust, submissionPorts,
                pinnedCertificates, testMessage);
    }

    public CheckOptions withExtraTrust(List<X509Certificate> value) {
        return new CheckOptions(dnsServer, testSend, otherPorts, trustAllCertificates, locale, value, submissionPorts,
                pinnedCertificates, testMessage);
    }

    public CheckOptions withSubmissionPorts(List<SubmissionPort> value) {
        return new CheckOptions(dnsServer, testSend, otherPorts, trustAllCertificates, locale, extraTrust, value,
                pinnedCertificates, testMessage);
    }

    public CheckOptions withDnsServer(Optional<InetSocketAddress> value) {
        return new CheckOptions(value, testSend, otherPorts, trustAllCertificates, locale, extraTrust, submissionPorts,
                pinnedCertificates, testMessage);
    }

    public CheckOptions withOtherPorts(boolean value) {
        return new CheckOptions(dnsServer, testSend, value, trustAllCertificates, locale, extraTrust, submissionPorts,
                pinnedCertificates, testMessage);
    }

    public CheckOptions withTrustAllCertificates(boolean value) {
        return new CheckOptions(dnsServer, testSend, otherPorts, value, locale, extraTrust, submissionPorts,
                pinnedCertificates, testMessage);
    }

    public CheckOptions withPinnedCertificates(List<String> value) {
        return new CheckOptions(dnsServer, testSend, otherPorts, trustAllCertificates, locale, extraTrust, submissionPorts,
                value, testMessage);
    }

    /// A real test message at the end of the check, as `message` says.
    public CheckOptions withTestSend(TestMessage message) {
        return new CheckOptions(dnsServer, true, otherPorts, trustAllCertificates, locale, extraTrust, submissionPorts,
                pinnedCertificates, message);
    }
}
