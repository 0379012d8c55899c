package org.relaydoctor.profile;

import java.util.Objects;

/// Something the user should know about an imported account: a setting Relay Doctor cannot carry over as it
/// was, or an account that was left out.
///
/// @param kind    what it is; the text is `profile.import.note.<KIND>` in the `profile` bundle
/// @param detail  `{0}` in that text: the setting's value or the account's name
public record ImportNote(Kind kind, String detail) {

    public enum Kind {
        /// The outgoing server logs on with OAuth2; Relay Doctor needs a (app) password instead.
        OAUTH2_NOT_SUPPORTED,
        /// Kerberos, NTLM or a TLS client certificate: checked as a password log-on, which may differ.
        UNUSUAL_AUTH_METHOD,
        /// The account names no outgoing server of its own: the program's default outgoing server was used.
        NO_OUTGOING_SERVER,
        /// An account of a kind that sends no mail (news, feeds, local folders, Exchange) was left out.
        SKIPPED_ACCOUNT,
        /// "Try STARTTLS" on the incoming server: imported as STARTTLS, which is stricter.
        INCOMING_TRY_STARTTLS
    }

    public ImportNote {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    public String messageKey() {
        return "profile.import.note." + kind.name();
    }
}
