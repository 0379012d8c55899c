package org.relaydoctor.profile;

/// The protocol of the incoming mail server.
public enum MailProtocol {
    /// POP3: default ports 110 (plain / STARTTLS) and 995 (SSL/TLS).
    POP3(110, 995),
    /// IMAP: default ports 143 (plain / STARTTLS) and 993 (SSL/TLS).
    IMAP(143, 993);

    private final int plainPort;
    private final int tlsPort;

    MailProtocol(int plainPort, int tlsPort) {
        this.plainPort = plainPort;
        this.tlsPort = tlsPort;
    }

    /// The port a mail program uses by default for this protocol and security.
    public int defaultPort(Security security) {
        return security == Security.SSL_TLS ? tlsPort : plainPort;
    }
}
