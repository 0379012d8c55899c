package org.relaydoctor.diagnosis;

import java.util.List;
import java.util.Optional;
import org.relaydoctor.probe.TlsHandshake;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.OutgoingServer;

/// All the evidence of one check: the configured attempt, the differential probes, and what the server
/// said about itself. The {@link Diagnoser} turns it into a verdict.
///
/// @param profile                 the settings as entered
/// @param configured              the attempt with exactly those settings
/// @param probes                  the differential attempts, in the order they ran
/// @param authMechanisms          the SASL mechanisms offered on the configured connection (after TLS if used)
/// @param authOnPlainConnection   whether AUTH was offered before any encryption
/// @param startTlsOffered         whether STARTTLS was offered on the configured port
/// @param tls                     the certificate facts of every handshake seen
/// @param reachablePorts          other submission ports that accepted a TCP connection
/// @param incomingLogin           the POP3/IMAP login, when one ran: accepted and its answer lines
/// @param clientAddress           the client address as the server reported it (or as the socket shows it)
/// @param hostIsMx                whether the outgoing host is one of the account domain's MX hosts; empty when DNS
///                                did not tell (no DNS step, or the MX question failed)
/// @param dnsFindings             the DNS checks' findings (blocklist listings of the client, unresolvable names)
/// @param submissionServer        the provider's submission server for the account (catalogue or SRV), when DNS told
public record ProbeMatrix(
        AccountProfile profile, RelayAttempt configured, List<RelayAttempt> probes, List<String> authMechanisms,
        boolean authOnPlainConnection, boolean startTlsOffered, List<TlsHandshake> tls, List<Integer> reachablePorts,
        Optional<IncomingLoginOutcome> incomingLogin, Optional<String> clientAddress, Optional<Boolean> hostIsMx,
        List<Finding> dnsFindings, Optional<OutgoingServer> submissionServer) {
    public ProbeMatrix {
        dnsFindings = List.copyOf(dnsFindings);
        probes = List.copyOf(probes);
        authMechanisms = List.copyOf(authMechanisms);
        tls = List.copyOf(tls);
        reachablePorts = List.copyOf(reachablePorts);
    }

    /// The probe of this kind, if it ran: an accepted one when any was, else the last one.
    public Optional<RelayAttempt> probe(AttemptKind kind) {
        List<RelayAttempt> ofKind = probes.stream().filter(p -> p.kind() == kind).toList();
        return ofKind.stream().filter(RelayAttempt::accepted).findFirst()
                .or(() -> ofKind.isEmpty() ? Optional.empty() : Optional.of(ofKind.getLast()));
    }

    public boolean accepted(AttemptKind kind) {
        return probe(kind).map(RelayAttempt::accepted).orElse(false);
    }

    /// A POP3/IMAP login's result.
    ///
    /// @param loggedIn  the server accepted the credentials
    /// @param evidence  its answer to the password
    public record IncomingLoginOutcome(boolean loggedIn, List<String> evidence) {
        public IncomingLoginOutcome {
            evidence = List.copyOf(evidence);
        }
    }
}
