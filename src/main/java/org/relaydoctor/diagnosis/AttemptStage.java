package org.relaydoctor.diagnosis;

/// How far one relay attempt got before it ended; {@link #ACCEPTED} means RCPT TO was accepted.
public enum AttemptStage {
    /// The server name did not resolve.
    RESOLVE,
    /// TCP connect failed.
    CONNECT,
    /// No greeting, or a refusal in place of it.
    GREETING,
    /// EHLO/HELO refused.
    EHLO,
    /// STARTTLS or the TLS handshake failed, or the certificate was not acceptable.
    TLS,
    /// Login refused, or no usable mechanism offered.
    AUTH,
    /// MAIL FROM refused.
    MAIL,
    /// RCPT TO refused.
    RCPT,
    /// RCPT TO accepted: the server would relay this message.
    ACCEPTED;

    /// The SMTP phase a refusal at this stage came from.
    public SmtpPhase phase() {
        return switch (this) {
            case RESOLVE, CONNECT, GREETING -> SmtpPhase.CONNECT;
            case EHLO -> SmtpPhase.EHLO;
            case TLS -> SmtpPhase.STARTTLS;
            case AUTH -> SmtpPhase.AUTH;
            case MAIL -> SmtpPhase.MAIL;
            case RCPT, ACCEPTED -> SmtpPhase.RCPT;
        };
    }
}
