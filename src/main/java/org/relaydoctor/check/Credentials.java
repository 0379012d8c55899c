package org.relaydoctor.check;

import java.util.Objects;
import org.relaydoctor.profile.Secret;

/// The passwords a check may use; they never become part of a profile or a result.
///
/// @param incomingPassword  the incoming server's password (also used for SMTP "same as incoming")
/// @param smtpPassword      the outgoing server's own password ("log on using"), or empty
public record Credentials(Secret incomingPassword, Secret smtpPassword) {
    public Credentials {
        Objects.requireNonNull(incomingPassword, "incomingPassword");
        Objects.requireNonNull(smtpPassword, "smtpPassword");
    }

    public static Credentials none() {
        return new Credentials(Secret.empty(), Secret.empty());
    }

    public static Credentials of(Secret incomingPassword) {
        return new Credentials(incomingPassword, Secret.empty());
    }
}
