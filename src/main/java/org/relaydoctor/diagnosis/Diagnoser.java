package org.relaydoctor.diagnosis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.relaydoctor.probe.ProbeFailure;
import org.relaydoctor.probe.ServerReply;
import org.relaydoctor.probe.TlsHandshake;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;

/// From the probe matrix to one verdict. The matrix comes first: an attempt that worked after one change
/// proves both the restriction and its fix. Where no probe can tell, the {@link ReplyClassifier} reads the
/// refusal's codes and wording. The outcomes:
/// - the configured attempt was accepted: `OK` (or `NULL_SENDER_REJECTED` when only `<>` is refused);
/// - it failed before SMTP: the network codes (`HOST_NOT_FOUND`, `CONNECTION_REFUSED`, `PORT_BLOCKED`, ...);
/// - it was refused and a probe with one change was accepted: that change's code, verified;
/// - it was refused and nothing helped: the best reading of the refusal, unverified, with alternatives.
public final class Diagnoser {
    private static final Set<VerdictCode> SENDER_CODES =
            EnumSet.of(VerdictCode.SENDER_NOT_LOCAL, VerdictCode.SENDER_NOT_OWNED, VerdictCode.SENDER_UNKNOWN);
    /// Words with which servers refuse a client for its address rather than for the message.
    private static final Pattern DYNAMIC = Pattern.compile(
            "(?i)dynamic|dial-?up|residential|\\bpbl\\b|zen\\.spamhaus|consumer|broadband|dsl|cable|pool");
    private static final Pattern REVERSE_DNS = Pattern.compile("(?i)reverse|\\bptr\\b|hostname|rdns");
    private static final Pattern CLIENT_POLICY = Pattern.compile(
            "(?i)spamhaus|blocklist|blacklist|block list|black list|dnsbl|\\brbl\\b|listed|reverse (dns|hostname)|"
                    + "\\bptr\\b|client host|your (ip|address)|banned|5\\.7\\.606|5\\.7\\.511");

    /// The relay port (RFC 5321); every other port a mail program sends through is a submission port.
    private static final int SMTP_PORT = 25;

    private final ReplyClassifier classifier;

    public Diagnoser(ReplyClassifier classifier) {
        this.classifier = classifier;
    }

    public Diagnoser() {
        this(new ReplyClassifier());
    }

    public Diagnosis diagnose(ProbeMatrix m) {
        List<Finding> findings = findings(m);
        RelayVerdict verdict = withDnsEvidence(verdict(m), m);
        if (verdict.code() != VerdictCode.OK) {
            m.probe(AttemptKind.OTHER_PORT).filter(RelayAttempt::accepted).ifPresent(p -> {
                if (verdict.code() != VerdictCode.PORT_BLOCKED) {
                    findings.add(new Finding(FindingCode.OTHER_PORT_WORKS, Severity.INFO,
                            details("port", String.valueOf(p.port()), "security", p.security().name())));
                }
            });
        }
        return new Diagnosis(verdict, findings);
    }

    /// DNS facts back a verdict the probes reached: a policy blocklist listing of the client address makes a
    /// client block CLIENT_BLOCKED_DYNAMIC, and the provider's own server name is the fix for HOST_NOT_FOUND.
    private static RelayVerdict withDnsEvidence(RelayVerdict v, ProbeMatrix m) {
        if (v.code() == VerdictCode.CLIENT_BLOCKED || v.code() == VerdictCode.CLIENT_BLOCKED_DYNAMIC) {
            List<Finding> listed = m.dnsFindings().stream().filter(f -> f.code() == FindingCode.CLIENT_LISTED).toList();
            if (listed.isEmpty()) {
                return v;
            }
            boolean policy = listed.stream().anyMatch(f -> "true".equals(f.details().get("policy")));
            List<String> evidence = new ArrayList<>(v.evidence());
            listed.forEach(f -> evidence.add("DNSBL: " + f.details().get("address") + " listed in "
                    + f.details().get("zone") + " (" + f.details().get("codes") + ")"
                    + (f.details().getOrDefault("reason", "").isEmpty() ? "" : ": " + f.details().get("reason"))));
            // a refusal that names another reason (no reverse DNS) keeps it; the listing makes DYNAMIC an alternative
            boolean otherReason = v.code() == VerdictCode.CLIENT_BLOCKED
                    && v.evidence().stream().anyMatch(e -> REVERSE_DNS.matcher(e).find());
            VerdictCode code = policy && !otherReason ? VerdictCode.CLIENT_BLOCKED_DYNAMIC : v.code();
            if (policy && otherReason) {
                return new RelayVerdict(code, v.verified(), evidence, v.changes(),
                        without(concatCodes(v.alternatives(), VerdictCode.CLIENT_BLOCKED_DYNAMIC), code));
            }
            return new RelayVerdict(code, v.verified(), evidence, v.changes(),
                    without(code == v.code() ? v.alternatives() : concatCodes(v.alternatives(), v.code()), code));
        }
        if (v.code() == VerdictCode.RECIPIENT_NOT_LOCAL && v.changes().isEmpty()) {
            return m.submissionServer().filter(s -> !s.host().equalsIgnoreCase(m.profile().outgoing().host()))
                    .map(s -> new RelayVerdict(v.code(), false, v.evidence(), submissionChanges(s, m.profile()),
                            v.alternatives()))
                    .orElse(v);
        }
        if (v.code() == VerdictCode.HOST_NOT_FOUND && v.changes().isEmpty()) {
            return m.dnsFindings().stream().filter(f -> f.code() == FindingCode.SERVER_NAME_NOT_FOUND)
                    .filter(f -> "outgoing".equals(f.details().get("role")))
                    .map(f -> f.details().getOrDefault("suggestion", "")).filter(h -> !h.isEmpty()).findFirst()
                    .map(h -> new RelayVerdict(v.code(), v.verified(), v.evidence(),
                            List.<ProfileChange>of(new ProfileChange.OutgoingHost(h)), v.alternatives()))
                    .orElse(v);
        }
        return v;
    }

    /// Sending through the provider's submission server: its name, port and encryption, and the login it wants.
    private static List<ProfileChange> submissionChanges(OutgoingServer s, AccountProfile profile) {
        List<ProfileChange> changes = new ArrayList<>(List.of(new ProfileChange.OutgoingHost(s.host()),
                new ProfileChange.OutgoingPort(s.port(), s.security())));
        if (profile.smtpAuth() instanceof SmtpAuth.Off) {
            changes.add(new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming()));
        }
        return changes;
    }

    private static List<VerdictCode> concatCodes(List<VerdictCode> a, VerdictCode b) {
        List<VerdictCode> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }

    private RelayVerdict verdict(ProbeMatrix m) {
        RelayAttempt c = m.configured();
        if (c.accepted()) {
            Optional<RelayAttempt> nul = m.probe(AttemptKind.NULL_SENDER);
            if (nul.isPresent() && nul.get().refused() && nul.get().reply().orElseThrow().isPermanent()) {
                return new RelayVerdict(VerdictCode.NULL_SENDER_REJECTED, true, concat(nul.get(), c), List.of(), List.of());
            }
            return new RelayVerdict(VerdictCode.OK, true, c.evidence(), List.of(), List.of());
        }
        if (c.failure().isPresent() && c.reply().isEmpty()) {
            return networkVerdict(m, c, c.failure().get());
        }
        if (c.stage() == AttemptStage.TLS) {
            return tlsVerdict(m, c);
        }
        ServerReply reply = c.reply().orElse(null);
        if (reply == null) {
            // AUTH wanted but no usable mechanism offered (the only refusal without a reply)
            return authUnavailable(m, c);
        }
        Classification cls = classifier.classify(reply, c.stage().phase());
        Set<VerdictCode> hints = new LinkedHashSet<>();
        hints.add(cls.code());
        hints.addAll(cls.alternatives());

        // 1. A probe with one change that was accepted proves the restriction and the fix. A client address
        //    block that logging on lifts stays a client block (the cause), with logging on as its verified fix.
        boolean clientBlock = c.stage().compareTo(AttemptStage.AUTH) > 0 && !reply.isTransient()
                && (cls.code() == VerdictCode.CLIENT_BLOCKED || cls.code() == VerdictCode.CLIENT_BLOCKED_DYNAMIC
                        || clientWording(reply, m));
        Optional<RelayAttempt> loggedOn = m.probe(AttemptKind.WITH_AUTH).filter(RelayAttempt::accepted);
        if (clientBlock && !c.withAuth() && loggedOn.isPresent()) {
            return new RelayVerdict(clientBlock(reply, cls), true, concat(c, loggedOn.get()),
                    List.of(new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming())), List.of());
        }
        Optional<RelayVerdict> proven = proven(m, c, cls);
        if (proven.isPresent()) {
            return proven.get();
        }
        // 2. Refusals whose meaning does not depend on the other probes.
        if (c.stage() == AttemptStage.GREETING || c.stage() == AttemptStage.EHLO) {
            if (reply.isTransient() && !clientWording(reply, m) || limitWording(cls)) {
                return unverified(VerdictCode.RATE_LIMITED, c, List.of(VerdictCode.CLIENT_BLOCKED));
            }
            return unverified(clientBlock(reply, cls), c, List.of());
        }
        if (c.stage() == AttemptStage.AUTH) {
            return authRefusal(m, c, reply, cls);
        }
        if (cls.code() == VerdictCode.RECIPIENT_UNKNOWN) {
            return unverified(VerdictCode.RECIPIENT_UNKNOWN, c, List.of());
        }
        if (cls.code() == VerdictCode.CLIENT_BLOCKED || cls.code() == VerdictCode.CLIENT_BLOCKED_DYNAMIC
                || clientWording(reply, m) && !limitWording(cls)) {
            return unverified(clientBlock(reply, cls), c, List.of());
        }
        if (rateLimited(reply, cls)) {
            return unverified(VerdictCode.RATE_LIMITED, c, List.of());
        }
        // 3. Sender problems: the matrix tells "not local" from "not owned" from "unknown".
        Optional<RelayAttempt> own = m.probe(AttemptKind.OWN_DOMAIN_SENDER);
        if (SENDER_CODES.contains(cls.code()) || c.stage() == AttemptStage.MAIL && !hints.contains(VerdictCode.AUTH_REQUIRED)
                && !hints.contains(VerdictCode.TLS_REQUIRED)) {
            if (own.isPresent() && own.get().refused() && !sameDomain(own.get().sender(), c.sender())) {
                return unverified(VerdictCode.SENDER_UNKNOWN, c, List.of(VerdictCode.SENDER_NOT_LOCAL));
            }
            VerdictCode code = SENDER_CODES.contains(cls.code()) ? cls.code() : VerdictCode.SENDER_UNKNOWN;
            return unverified(code, c, without(cls.alternatives(), code));
        }
        // 4. Relay refused at RCPT and nothing helped.
        Optional<RelayAttempt> auth = m.probe(AttemptKind.WITH_AUTH);
        boolean localAccepted = m.accepted(AttemptKind.LOCAL_RECIPIENT);
        boolean authWorkedButNoRelay = auth.map(RelayAttempt::authPassedButRefused).orElse(false)
                || c.withAuth() && c.authPassedButRefused();
        boolean authAbsent = m.authMechanisms().isEmpty() && auth.map(a -> !a.authOffered()).orElse(true)
                && m.probe(AttemptKind.WITH_TLS).map(t -> !t.authOffered()).orElse(true);
        if (auth.isPresent() && auth.get().stage() == AttemptStage.AUTH && auth.get().reply().isPresent()) {
            // the server wants a login, but the one we have was refused
            return new RelayVerdict(VerdictCode.AUTH_REQUIRED, false, concat(c, auth.get()),
                    List.of(new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming())),
                    List.of(VerdictCode.AUTH_FAILED));
        }
        Optional<RelayVerdict> submission = unauthenticatedOnSubmissionPort(m, c, cls, authWorkedButNoRelay);
        if (submission.isPresent()) {
            return submission.get();
        }
        // a refusal that also meets local mail is about something else than relaying, unless it says relay
        boolean localRefused = m.probe(AttemptKind.LOCAL_RECIPIENT).map(RelayAttempt::refused).orElse(false);
        if ((localAccepted || authWorkedButNoRelay || authAbsent) && !(localRefused && !cls.relayRefusal())) {
            List<String> evidence = new ArrayList<>(c.evidence());
            m.probe(AttemptKind.LOCAL_RECIPIENT).filter(RelayAttempt::accepted).ifPresent(l -> evidence.addAll(l.evidence()));
            if (authWorkedButNoRelay) {
                auth.ifPresent(a -> evidence.addAll(a.evidence()));
                return new RelayVerdict(VerdictCode.NETWORK_RESTRICTED, false, evidence, List.of(),
                        List.of(VerdictCode.RECIPIENT_NOT_LOCAL));
            }
            if (!authAbsent && auth.isEmpty() && !c.withAuth()) {
                // AUTH is offered but there was no login to try it with
                return new RelayVerdict(VerdictCode.AUTH_REQUIRED, false, evidence,
                        List.of(new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming())),
                        List.of(VerdictCode.NETWORK_RESTRICTED));
            }
            // The matrix of an inbound-only MX and of a relay for its own networks is the same (no AUTH, local
            // mail taken, nothing else helps): the server's role in DNS tells them apart; without DNS, its wording.
            boolean mx = m.hostIsMx().orElse(cls.code() != VerdictCode.NETWORK_RESTRICTED);
            if (mx) {
                if (m.hostIsMx().orElse(false)) {
                    evidence.add("MX " + m.profile().emailDomain() + ": " + m.profile().outgoing().host());
                }
                return new RelayVerdict(VerdictCode.RECIPIENT_NOT_LOCAL, false, evidence, List.of(),
                        List.of(VerdictCode.NETWORK_RESTRICTED));
            }
            boolean popTried = m.probe(AttemptKind.AFTER_INCOMING_LOGIN).isPresent() || m.profile().logOnToIncomingFirst();
            if (popTried) {
                m.incomingLogin().ifPresent(l -> evidence.addAll(l.evidence()));
            }
            return new RelayVerdict(VerdictCode.NETWORK_RESTRICTED, false, evidence, List.of(), popTried
                    ? List.of(VerdictCode.RECIPIENT_NOT_LOCAL)
                    : List.of(VerdictCode.RECIPIENT_NOT_LOCAL, VerdictCode.POP_BEFORE_SMTP));
        }
        VerdictCode code = cls.code() == VerdictCode.OK ? VerdictCode.UNKNOWN : cls.code();
        List<ProfileChange> changes = suggestedChanges(code, m);
        return new RelayVerdict(code, false, c.evidence(), changes, without(cls.alternatives(), code));
    }

    /// A submission port (any but 25: RFC 6409 submission, 465, 2525) relays for logged-on clients; its relay
    /// refusal to a client that did not log on asks for the login whatever the wording says (Exchange's 5.7.54
    /// reads "non-accepted domain", like a network relay). Not when a login that worked was refused as well, and
    /// not when the server offers no login at all, even after STARTTLS: then the login cannot be the fix.
    private static Optional<RelayVerdict> unauthenticatedOnSubmissionPort(ProbeMatrix m, RelayAttempt c,
            Classification cls, boolean authWorkedButNoRelay) {
        if (c.port() == SMTP_PORT || c.withAuth() || authWorkedButNoRelay || !cls.relayRefusal()) {
            return Optional.empty();
        }
        // AUTO upgrades whenever STARTTLS is offered, so only a plain connection may not have seen AUTH yet;
        // a probe that went into TLS on this port (to test TLS, or to log on) tells whether it appears there.
        // Without such a probe AUTH after STARTTLS is assumed, as most submission servers do it (allMatch of none).
        Optional<RelayAttempt> tls = m.probe(AttemptKind.WITH_TLS);
        boolean authAfterStartTls = c.security() == Security.NONE && m.startTlsOffered() && m.probes().stream()
                .filter(p -> p.port() == c.port() && p.security() != Security.NONE && p.security() != Security.AUTO)
                .allMatch(RelayAttempt::authOffered);
        if (m.authMechanisms().isEmpty() && !authAfterStartTls) {
            return Optional.empty();
        }
        List<ProfileChange> changes = new ArrayList<>();
        if (m.authMechanisms().isEmpty()) {
            changes.add(new ProfileChange.OutgoingPort(c.port(), Security.STARTTLS));
        }
        changes.add(new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming()));
        List<VerdictCode> alternatives = new ArrayList<>(List.of(cls.code()));
        alternatives.addAll(cls.alternatives());
        List<String> evidence = concat(c, tls);
        m.probe(AttemptKind.LOCAL_RECIPIENT).filter(RelayAttempt::accepted).ifPresent(l -> evidence.addAll(l.evidence()));
        return Optional.of(new RelayVerdict(VerdictCode.AUTH_REQUIRED, false, evidence, changes,
                without(alternatives, VerdictCode.AUTH_REQUIRED)));
    }

    /// The probes that, accepted where the configured attempt was refused, prove a cause and its fix.
    private Optional<RelayVerdict> proven(ProbeMatrix m, RelayAttempt c, Classification cls) {
        if (c.reply().map(Diagnoser::badSenderAddress).orElse(false)) {
            // RFC 3463 X.1.7 / X.1.8: the address itself is bad; another sender working proves only that
            Optional<RelayAttempt> other = m.probe(AttemptKind.LOGIN_SENDER).filter(RelayAttempt::accepted)
                    .or(() -> m.probe(AttemptKind.OWN_DOMAIN_SENDER).filter(RelayAttempt::accepted));
            return Optional.of(new RelayVerdict(VerdictCode.SENDER_UNKNOWN, other.isPresent(), concat(c, other),
                    other.map(o -> usersAddress(m, o)).orElse(List.of()), List.of()));
        }
        Optional<RelayAttempt> tls = m.probe(AttemptKind.WITH_TLS).filter(RelayAttempt::accepted);
        if (tls.isPresent() && c.security() != Security.SSL_TLS && c.security() != Security.STARTTLS) {
            RelayAttempt t = tls.get();
            List<ProfileChange> changes = new ArrayList<>();
            changes.add(new ProfileChange.OutgoingPort(t.port(), t.security()));
            if (t.withAuth() && m.profile().smtpAuth() instanceof SmtpAuth.Off) {
                changes.add(new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming()));
            }
            return Optional.of(new RelayVerdict(VerdictCode.TLS_REQUIRED, true, concat(c, t), changes, List.of()));
        }
        Optional<RelayAttempt> auth = m.probe(AttemptKind.WITH_AUTH).filter(RelayAttempt::accepted);
        if (auth.isPresent() && !c.withAuth()) {
            return Optional.of(new RelayVerdict(VerdictCode.AUTH_REQUIRED, true, concat(c, auth.get()),
                    List.of(new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming())), List.of()));
        }
        Optional<RelayAttempt> pop = m.probe(AttemptKind.AFTER_INCOMING_LOGIN).filter(RelayAttempt::accepted);
        if (pop.isPresent()) {
            List<String> evidence = new ArrayList<>(c.evidence());
            m.incomingLogin().ifPresent(l -> evidence.addAll(l.evidence()));
            evidence.addAll(pop.get().evidence());
            return Optional.of(new RelayVerdict(VerdictCode.POP_BEFORE_SMTP, true, evidence,
                    List.of(new ProfileChange.LogOnToIncomingFirst()), List.of()));
        }
        Optional<RelayAttempt> login = m.probe(AttemptKind.LOGIN_SENDER).filter(RelayAttempt::accepted);
        if (login.isPresent()) {
            // the login's own address works: the entered one either belongs to someone else (a policy refusal,
            // X.7.x) or does not exist (an address status, X.1.x, or "unknown" wording)
            VerdictCode code = addressStatus(c.reply()) || cls.code() == VerdictCode.SENDER_UNKNOWN
                    ? VerdictCode.SENDER_UNKNOWN : VerdictCode.SENDER_NOT_OWNED;
            return Optional.of(new RelayVerdict(code, true, concat(c, login.get()), usersAddress(m, login.get()),
                    List.of()));
        }
        Optional<RelayAttempt> own = m.probe(AttemptKind.OWN_DOMAIN_SENDER).filter(RelayAttempt::accepted);
        if (own.isPresent()) {
            boolean sameDomain = sameDomain(own.get().sender(), c.sender());
            VerdictCode code = sameDomain ? VerdictCode.SENDER_UNKNOWN : VerdictCode.SENDER_NOT_LOCAL;
            return Optional.of(new RelayVerdict(code, true, concat(c, own.get()), usersAddress(m, own.get()),
                    List.of()));
        }
        return Optional.empty();
    }

    /// "Use this address" when the sender that worked is the user's own (the login, or the login's name at the
    /// server's domain); never a stand-in such as postmaster.
    private static List<ProfileChange> usersAddress(ProbeMatrix m, RelayAttempt worked) {
        String sender = worked.sender();
        String login = m.profile().smtpAuth() instanceof SmtpAuth.OwnLogin own ? own.user() : m.profile().login();
        int at = sender.lastIndexOf('@');
        boolean users = !login.isBlank() && at > 0 && (sender.equalsIgnoreCase(login)
                || !login.contains("@") && sender.substring(0, at).equalsIgnoreCase(login));
        return users ? List.of(new ProfileChange.EmailAddress(sender)) : List.of();
    }

    /// RFC 3463 subject 1: the refusal is about the address itself, not a policy.
    private static boolean addressStatus(Optional<ServerReply> reply) {
        return reply.filter(r -> !r.isPositive()).map(r -> r.enhancedCode().matches("[45]\\.1\\.\\d+")).orElse(false);
    }

    private static boolean badSenderAddress(ServerReply r) {
        String e = r.enhancedCode();
        return !r.isPositive() && (e.endsWith(".1.7") || e.endsWith(".1.8"));
    }

    private RelayVerdict networkVerdict(ProbeMatrix m, RelayAttempt c, ProbeFailure.Kind failure) {
        Optional<RelayAttempt> other = m.probe(AttemptKind.OTHER_PORT);
        List<ProfileChange> otherChanges = other.filter(o -> o.stage().compareTo(AttemptStage.GREETING) > 0)
                .map(o -> portChanges(m, o)).orElse(List.of());
        boolean otherWorks = other.map(RelayAttempt::accepted).orElse(false);
        return switch (failure) {
            case HOST_NOT_FOUND -> unverified(VerdictCode.HOST_NOT_FOUND, c, List.of());
            case CONNECTION_REFUSED -> new RelayVerdict(VerdictCode.CONNECTION_REFUSED, otherWorks, concat(c, other),
                    otherChanges, List.of());
            case CONNECT_TIMEOUT, UNREACHABLE -> otherChanges.isEmpty() && m.reachablePorts().isEmpty()
                    ? new RelayVerdict(VerdictCode.UNKNOWN, false, c.evidence(), List.of(), List.of(VerdictCode.PORT_BLOCKED))
                    : new RelayVerdict(VerdictCode.PORT_BLOCKED, otherWorks, concat(c, other), otherChanges, List.of());
            case NO_GREETING -> {
                Optional<RelayAttempt> tls = m.probe(AttemptKind.WITH_TLS)
                        .filter(t -> t.stage().compareTo(AttemptStage.GREETING) > 0);
                if (tls.isPresent()) {
                    yield new RelayVerdict(VerdictCode.NO_GREETING, tls.get().accepted(), concat(c, tls),
                            List.of(new ProfileChange.OutgoingPort(tls.get().port(), Security.SSL_TLS)), List.of());
                }
                yield new RelayVerdict(VerdictCode.NO_GREETING, otherWorks, concat(c, other), otherChanges, List.of());
            }
            case TLS_FAILED -> tlsVerdict(m, c);
            // hung up on EHLO, before any command could be refused: the client itself is turned away
            case DROPPED -> c.stage() == AttemptStage.EHLO
                    ? unverified(VerdictCode.CLIENT_BLOCKED, c, List.of(VerdictCode.RATE_LIMITED))
                    : unverified(VerdictCode.UNKNOWN, c, List.of(VerdictCode.RATE_LIMITED));
            case TIMEOUT, GARBLED -> unverified(VerdictCode.UNKNOWN, c, List.of(VerdictCode.RATE_LIMITED));
            case CANCELLED -> unverified(VerdictCode.UNKNOWN, c, List.of());
        };
    }

    private RelayVerdict tlsVerdict(ProbeMatrix m, RelayAttempt c) {
        Optional<RelayAttempt> plain = m.probe(AttemptKind.WITHOUT_TLS)
                .filter(t -> t.stage().compareTo(AttemptStage.GREETING) > 0);
        List<ProfileChange> changes = plain.map(p -> List.<ProfileChange>of(
                new ProfileChange.OutgoingPort(p.port(), Security.STARTTLS))).orElse(List.of());
        return new RelayVerdict(VerdictCode.TLS_FAILED, false, concat(c, plain), changes, List.of());
    }

    private RelayVerdict authUnavailable(ProbeMatrix m, RelayAttempt c) {
        Optional<RelayAttempt> tls = m.probe(AttemptKind.WITH_TLS);
        if (tls.isPresent() && tls.get().accepted()) {
            return new RelayVerdict(VerdictCode.TLS_REQUIRED, true, concat(c, tls.get()),
                    List.of(new ProfileChange.OutgoingPort(tls.get().port(), tls.get().security())), List.of());
        }
        if (tls.isPresent() && tls.get().authOffered()) {
            return new RelayVerdict(VerdictCode.TLS_REQUIRED, false, concat(c, tls.get()),
                    List.of(new ProfileChange.OutgoingPort(tls.get().port(), tls.get().security())), List.of());
        }
        Optional<RelayAttempt> without = m.probe(AttemptKind.WITHOUT_AUTH);
        boolean tlsDemanded = m.startTlsOffered() && without.flatMap(w -> w.reply().filter(r -> w.refused())
                .map(r -> classifier.classify(r, w.stage().phase()).code() == VerdictCode.TLS_REQUIRED)).orElse(false);
        if (tlsDemanded) {
            // the server says STARTTLS first; the login over TLS was not tried (an untrusted certificate stops it)
            return new RelayVerdict(VerdictCode.TLS_REQUIRED, false, concat(c, without.get()),
                    List.of(new ProfileChange.OutgoingPort(c.port(), Security.STARTTLS)), List.of());
        }
        if (without.isPresent() && without.get().accepted()) {
            // the login is the only thing in the way: "turn the box off" is proven
            return new RelayVerdict(VerdictCode.AUTH_UNAVAILABLE, true, concat(c, without.get()),
                    List.of(new ProfileChange.RequireSmtpAuth(new SmtpAuth.Off())), List.of());
        }
        boolean relayRefused = without.map(w -> w.refused() && w.stage() == AttemptStage.RCPT).orElse(false);
        if (relayRefused && m.hostIsMx().orElse(false)) {
            // no AUTH and no relay on the domain's MX: the outgoing server is the wrong one
            List<String> evidence = concat(c, without.get());
            evidence.add("MX " + m.profile().emailDomain() + ": " + m.profile().outgoing().host());
            return new RelayVerdict(VerdictCode.RECIPIENT_NOT_LOCAL, false, evidence, List.of(),
                    List.of(VerdictCode.AUTH_UNAVAILABLE));
        }
        return new RelayVerdict(VerdictCode.AUTH_UNAVAILABLE, false, concat(c, without), List.of(),
                relayRefused ? List.of(VerdictCode.NETWORK_RESTRICTED) : List.of());
    }

    private RelayVerdict authRefusal(ProbeMatrix m, RelayAttempt c, ServerReply reply, Classification cls) {
        Optional<RelayAttempt> tls = m.probe(AttemptKind.WITH_TLS).filter(RelayAttempt::accepted);
        String e = reply.enhancedCode();
        if (reply.code() == 538 || e.equals("5.7.11") || cls.code() == VerdictCode.TLS_REQUIRED || tls.isPresent()) {
            return new RelayVerdict(VerdictCode.TLS_REQUIRED, tls.isPresent(), concat(c, tls),
                    tls.map(t -> List.<ProfileChange>of(new ProfileChange.OutgoingPort(t.port(), t.security())))
                            .orElse(List.of(new ProfileChange.OutgoingPort(587, Security.STARTTLS))), List.of());
        }
        if (reply.code() == 504 || e.equals("5.7.139") || e.equals("5.5.4") || e.equals("5.7.4")
                || cls.code() == VerdictCode.AUTH_UNAVAILABLE) {
            return unverified(VerdictCode.AUTH_UNAVAILABLE, c, List.of());
        }
        if (reply.isTransient()) {
            return unverified(VerdictCode.RATE_LIMITED, c, List.of(VerdictCode.AUTH_FAILED));
        }
        return unverified(VerdictCode.AUTH_FAILED, c, without(cls.alternatives(), VerdictCode.AUTH_FAILED));
    }

    private List<ProfileChange> portChanges(ProbeMatrix m, RelayAttempt other) {
        List<ProfileChange> changes = new ArrayList<>();
        changes.add(new ProfileChange.OutgoingPort(other.port(), other.security()));
        if (other.withAuth() && m.profile().smtpAuth() instanceof SmtpAuth.Off) {
            changes.add(new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming()));
        }
        return changes;
    }

    private static List<ProfileChange> suggestedChanges(VerdictCode code, ProbeMatrix m) {
        return switch (code) {
            case AUTH_REQUIRED -> m.profile().smtpAuth() instanceof SmtpAuth.Off
                    ? List.of(new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming())) : List.of();
            case POP_BEFORE_SMTP -> List.of(new ProfileChange.LogOnToIncomingFirst());
            case TLS_REQUIRED -> List.of(new ProfileChange.OutgoingPort(587, Security.STARTTLS));
            default -> List.of();
        };
    }

    private List<Finding> findings(ProbeMatrix m) {
        List<Finding> out = new ArrayList<>();
        String host = m.profile().outgoing().host();
        Set<String> seen = new LinkedHashSet<>();
        for (TlsHandshake t : m.tls()) {
            if (!seen.add(t.subject() + t.trusted() + t.matchesHost() + t.expired())) {
                continue;
            }
            if (!t.trusted()) {
                out.add(new Finding(FindingCode.TLS_CERT_UNTRUSTED, Severity.WARNING,
                        details("host", host, "subject", t.subject(), "issuer", t.issuer(), "problem", t.trustProblem())));
            }
            if (!t.matchesHost()) {
                out.add(new Finding(FindingCode.TLS_CERT_NAME_MISMATCH, Severity.WARNING,
                        details("host", host, "names", String.join(", ", t.subjectAltNames()), "subject", t.subject())));
            }
            if (t.expired()) {
                out.add(new Finding(FindingCode.TLS_CERT_EXPIRED, Severity.WARNING,
                        details("host", host, "notAfter", t.notAfter().toString())));
            }
            if (t.protocol().equals("TLSv1") || t.protocol().equals("TLSv1.1") || t.protocol().startsWith("SSL")) {
                out.add(new Finding(FindingCode.TLS_OLD_PROTOCOL, Severity.WARNING,
                        details("host", host, "protocol", t.protocol())));
            }
        }
        if (m.authOnPlainConnection()) {
            out.add(new Finding(FindingCode.AUTH_WITHOUT_TLS, Severity.WARNING,
                    details("host", host, "port", String.valueOf(m.configured().port()))));
        }
        m.probe(AttemptKind.FOREIGN_SENDER).filter(RelayAttempt::accepted).filter(f -> !f.withAuth())
                .ifPresent(f -> out.add(new Finding(FindingCode.OPEN_RELAY, Severity.WARNING,
                        details("host", host, "client", m.clientAddress().orElse(""), "sender", f.sender()))));
        return out;
    }

    private VerdictCode clientBlock(ServerReply reply, Classification cls) {
        if (cls.code() == VerdictCode.CLIENT_BLOCKED_DYNAMIC || DYNAMIC.matcher(reply.text()).find()) {
            return VerdictCode.CLIENT_BLOCKED_DYNAMIC;
        }
        return VerdictCode.CLIENT_BLOCKED;
    }

    /// Waiting is the answer and no probe changes it: a temporary refusal that names no other cause, or any
    /// refusal worded as a limit (greylisting, "too many connections", "too much mail from" + our address).
    public static boolean rateLimited(ServerReply reply, Classification cls) {
        return limitWording(cls) || reply.isTransient()
                && (cls.code() == VerdictCode.RATE_LIMITED || cls.code() == VerdictCode.UNKNOWN);
    }

    private static boolean limitWording(Classification cls) {
        return cls.code() == VerdictCode.RATE_LIMITED && cls.patternId().isPresent();
    }

    private static boolean clientWording(ServerReply reply, ProbeMatrix m) {
        return aboutClient(reply, m.clientAddress());
    }

    /// A refusal that names our own address or a client-address policy is about the client, not the message.
    public static boolean aboutClient(ServerReply reply, Optional<String> clientAddress) {
        String text = reply.text();
        boolean namesUs = clientAddress.filter(a -> !a.isEmpty() && text.contains(a)).isPresent();
        return namesUs && !text.toLowerCase(Locale.ROOT).contains("relay") || DYNAMIC.matcher(text).find()
                && CLIENT_POLICY.matcher(text).find() || CLIENT_POLICY.matcher(text).find() && namesUs;
    }

    private static boolean sameDomain(String a, String b) {
        return domain(a).equals(domain(b));
    }

    private static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static RelayVerdict unverified(VerdictCode code, RelayAttempt c, List<VerdictCode> alternatives) {
        return new RelayVerdict(code, false, c.evidence(), List.of(), without(alternatives, code));
    }

    private static List<VerdictCode> without(List<VerdictCode> codes, VerdictCode code) {
        return codes.stream().filter(x -> x != code && x != VerdictCode.OK).distinct().toList();
    }

    private static List<String> concat(RelayAttempt first, Optional<RelayAttempt> second) {
        List<String> out = new ArrayList<>(first.evidence());
        second.ifPresent(s -> out.addAll(s.evidence()));
        return out;
    }

    private static List<String> concat(RelayAttempt first, RelayAttempt second) {
        return concat(first, Optional.of(second));
    }

    private static Map<String, String> details(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return out;
    }
}
