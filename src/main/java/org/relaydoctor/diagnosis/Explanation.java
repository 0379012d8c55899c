package org.relaydoctor.diagnosis;

import java.util.Objects;
import java.util.Optional;
import org.relaydoctor.probe.ServerReply;

/// The offline answer for a pasted error text: the same verdict structure as a check, plus what the text
/// alone cannot decide and the facts it reveals.
///
/// @param verdict       the most likely cause; evidence quotes the line relied on; alternatives in order
/// @param kind          what sort of text it was
/// @param refusal       true when the text shows a refusal or failure at all (false: nothing wrong found)
/// @param relayRefusal  true when that refusal is a refusal to relay
/// @param reply         the server reply the verdict rests on, if the text carried one
/// @param phase         where in the SMTP dialogue that reply came, as far as the text tells
/// @param server        the server family recognised from the wording
/// @param patternId     the knowledge entry that matched
/// @param clientError   the mail program's error number ("0x800CCC79"), if present
/// @param settledBy     the check that would decide between the verdict and its alternatives
/// @param facts         server name, port, SSL, addresses found in the text
public record Explanation(
        RelayVerdict verdict, InputKind kind, boolean refusal, boolean relayRefusal, Optional<ServerReply> reply,
        SmtpPhase phase, Optional<String> server, Optional<String> patternId, Optional<String> clientError,
        Optional<SettlingCheck> settledBy, ExtractedFacts facts) {

    public Explanation {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(facts, "facts");
    }

    /// What sort of text was explained.
    public enum InputKind {
        /// Nothing (or only white space) was given.
        EMPTY,
        /// One server reply, possibly multi-line, or its bare wording.
        SERVER_REPLY,
        /// The text of a mail program's error dialog (Outlook, Thunderbird, Windows Live Mail).
        CLIENT_DIALOG,
        /// A bounce message (non-delivery report), MIME or plain text.
        BOUNCE,
        /// Text in which no reply or error could be found.
        UNRECOGNISED
    }

    /// The check that tells the verdict from its alternatives.
    public enum SettlingCheck {
        /// A check of the account: with and without login, after a POP3/IMAP login, to a local recipient.
        ACCOUNT_CHECK,
        /// A check of the account with its own and with other sender addresses.
        SENDER_CHECK,
        /// A check of the connection: name resolution, the ports 25/465/587, TLS.
        CONNECTION_CHECK,
        /// A look-up of the client address in DNS blocklists.
        BLOCKLIST_CHECK
    }
}
