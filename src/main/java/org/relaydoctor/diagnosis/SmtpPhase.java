package org.relaydoctor.diagnosis;

/// Where in the SMTP dialogue a reply came; the same words mean different things at different points.
public enum SmtpPhase {
    /// The greeting after connect.
    CONNECT,
    /// The reply to EHLO or HELO.
    EHLO,
    /// The reply to STARTTLS.
    STARTTLS,
    /// A reply during AUTH.
    AUTH,
    /// The reply to MAIL FROM.
    MAIL,
    /// The reply to RCPT TO.
    RCPT,
    /// The reply to DATA or to the end of the message.
    DATA,
    /// Not known (text pasted without context).
    UNKNOWN
}
