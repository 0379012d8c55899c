package org.relaydoctor.check;

import java.util.List;
import org.relaydoctor.profile.Security;

/// A port a mail program may send through, with the encryption that belongs to it.
public record SubmissionPort(int port, Security security) {
    /// The usual ones, in the order a fix prefers them: 587 STARTTLS, 465 SSL/TLS, 25 plain.
    public static final List<SubmissionPort> STANDARD = List.of(
            new SubmissionPort(587, Security.STARTTLS), new SubmissionPort(465, Security.SSL_TLS),
            new SubmissionPort(25, Security.NONE));
}
