package org.relaydoctor.diagnosis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.relaydoctor.probe.ProbeFailure;
import org.relaydoctor.probe.ServerReply;
import org.relaydoctor.profile.Security;

/// One attempt to get a message accepted for relaying (stopped after RCPT TO): what was tried and how it ended.
///
/// @param kind            what it varied compared with the user's settings
/// @param port            the port it used
/// @param security        the encryption it used
/// @param withAuth        whether it logged on (successfully or not)
/// @param sender          the MAIL FROM address ("" for the null sender)
/// @param recipient       the RCPT TO address
/// @param stage           how far it got
/// @param reply           the reply that ended it: the refusal, or the RCPT acceptance
/// @param failure         the network failure that ended it, when no reply did
/// @param authOffered     whether the server offered a mechanism the attempt could use
/// @param evidence        redacted server lines worth quoting (the deciding reply, or a note)
public record RelayAttempt(
        AttemptKind kind, int port, Security security, boolean withAuth, String sender, String recipient,
        AttemptStage stage, Optional<ServerReply> reply, Optional<ProbeFailure.Kind> failure,
        boolean authOffered, List<String> evidence) {
    public RelayAttempt {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stage, "stage");
        evidence = List.copyOf(evidence);
    }

    public boolean accepted() {
        return stage == AttemptStage.ACCEPTED;
    }

    /// Refused by a server reply (as opposed to failing on the network or succeeding).
    public boolean refused() {
        return stage != AttemptStage.ACCEPTED && reply.isPresent() && !reply.get().isPositive();
    }

    /// Logged on successfully and was then refused later (at MAIL or RCPT).
    public boolean authPassedButRefused() {
        return withAuth && (stage == AttemptStage.MAIL || stage == AttemptStage.RCPT);
    }
}
