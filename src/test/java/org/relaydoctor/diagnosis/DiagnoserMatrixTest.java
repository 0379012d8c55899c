package org.relaydoctor.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.relaydoctor.probe.ServerReply;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;

/// The probe matrix decides where one reply cannot: the same refusals with different probe outcomes (and DNS
/// roles) give different verdicts. The real servers behind these matrices are in `PostfixVerdictIT`.
class DiagnoserMatrixTest {
    private static final String RELAY_DENIED = "554 5.7.1 <friend@example.org>: Relay access denied";
    private static final AccountProfile ALICE = new AccountProfile("t", "T", "alice@example.ru",
            new IncomingServer(MailProtocol.POP3, "pop.example.ru", 110, Security.NONE),
            new OutgoingServer("mail.example.ru", 25, Security.NONE), "alice@example.ru", new SmtpAuth.Off(), false,
            "friend@example.org", Duration.ofSeconds(5));

    private static RelayAttempt attempt(AttemptKind kind, boolean withAuth, String sender, String recipient,
            AttemptStage stage, String reply) {
        ServerReply r = ServerReply.parse(reply);
        return new RelayAttempt(kind, 25, Security.NONE, withAuth, sender, recipient, stage, Optional.of(r),
                Optional.empty(), false, r.lines());
    }

    private static RelayVerdict diagnose(AccountProfile p, RelayAttempt configured, List<RelayAttempt> probes,
            List<String> mechanisms, Optional<Boolean> hostIsMx) {
        return diagnose(p, configured, probes, mechanisms, hostIsMx, Optional.empty());
    }

    private static RelayVerdict diagnose(AccountProfile p, RelayAttempt configured, List<RelayAttempt> probes,
            List<String> mechanisms, Optional<Boolean> hostIsMx, Optional<OutgoingServer> submission) {
        return new Diagnoser().diagnose(new ProbeMatrix(p, configured, probes, mechanisms, false, false, List.of(),
                List.of(), Optional.empty(), Optional.empty(), hostIsMx, List.of(), submission)).verdict();
    }

    /// No AUTH, local mail taken, nothing helps: only the server's role in DNS tells an MX from a network relay.
    private static RelayVerdict noAuthLocalTaken(Optional<Boolean> hostIsMx) {
        return noAuthLocalTaken(hostIsMx, Optional.empty());
    }

    private static RelayVerdict noAuthLocalTaken(Optional<Boolean> hostIsMx, Optional<OutgoingServer> submission) {
        RelayAttempt c = attempt(AttemptKind.CONFIGURED, false, ALICE.email(), ALICE.testRecipient(), AttemptStage.RCPT,
                RELAY_DENIED);
        RelayAttempt local = attempt(AttemptKind.LOCAL_RECIPIENT, false, ALICE.email(), "postmaster@example.ru",
                AttemptStage.ACCEPTED, "250 2.1.5 Ok");
        return diagnose(ALICE, c, List.of(local), List.of(), hostIsMx, submission);
    }

    /// The fix for an incoming-only MX names the provider's submission server when DNS knows it; the settings'
    /// login box is turned on with it, since submission servers want the login.
    @Test
    void theDomainsMxPointsAtTheProvidersSubmissionServer() {
        OutgoingServer submission = new OutgoingServer("smtp.example.ru", 465, Security.SSL_TLS);
        RelayVerdict v = noAuthLocalTaken(Optional.of(true), Optional.of(submission));
        assertThat(v.code()).isEqualTo(VerdictCode.RECIPIENT_NOT_LOCAL);
        assertThat(v.verified()).isFalse();
        assertThat(v.changes()).containsExactly(new ProfileChange.OutgoingHost("smtp.example.ru"),
                new ProfileChange.OutgoingPort(465, Security.SSL_TLS),
                new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming()));
        AccountProfile fixed = ALICE;
        for (ProfileChange change : v.changes()) {
            fixed = change.applyTo(fixed);
        }
        assertThat(fixed.outgoing()).isEqualTo(submission);
    }

    /// A "submission server" that is the host already entered is no fix.
    @Test
    void noSubmissionFixWhenItIsTheServerEntered() {
        OutgoingServer same = new OutgoingServer(ALICE.outgoing().host().toUpperCase(Locale.ROOT), 587, Security.STARTTLS);
        assertThat(noAuthLocalTaken(Optional.of(true), Optional.of(same)).changes()).isEmpty();
    }

    @Test
    void theDomainsMxIsRecipientNotLocal() {
        RelayVerdict v = noAuthLocalTaken(Optional.of(true));
        assertThat(v.code()).isEqualTo(VerdictCode.RECIPIENT_NOT_LOCAL);
        assertThat(v.evidence()).contains(RELAY_DENIED, "250 2.1.5 Ok", "MX example.ru: mail.example.ru");
    }

    @Test
    void aServerThatIsNotTheMxIsNetworkRestricted() {
        RelayVerdict v = noAuthLocalTaken(Optional.of(false));
        assertThat(v.code()).isEqualTo(VerdictCode.NETWORK_RESTRICTED);
        assertThat(v.alternatives()).contains(VerdictCode.RECIPIENT_NOT_LOCAL, VerdictCode.POP_BEFORE_SMTP);
        assertThat(v.verified()).isFalse();
    }

    @Test
    void withoutADnsAnswerTheWordingDecides() {
        assertThat(noAuthLocalTaken(Optional.empty()).code()).isEqualTo(VerdictCode.RECIPIENT_NOT_LOCAL);
    }

    @Test
    void authOfferedButNoLoginToTryIsAuthRequiredUnverified() {
        RelayAttempt c = attempt(AttemptKind.CONFIGURED, false, ALICE.email(), ALICE.testRecipient(), AttemptStage.RCPT,
                RELAY_DENIED);
        RelayAttempt local = attempt(AttemptKind.LOCAL_RECIPIENT, false, ALICE.email(), "postmaster@example.ru",
                AttemptStage.ACCEPTED, "250 2.1.5 Ok");
        RelayVerdict v = diagnose(ALICE, c, List.of(local), List.of("PLAIN", "LOGIN"), Optional.of(false));
        assertThat(v.code()).isEqualTo(VerdictCode.AUTH_REQUIRED);
        assertThat(v.verified()).isFalse();
        assertThat(v.changes()).containsExactly(new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming()));
    }

    /// Logged on, the entered sender refused, the login's own address taken: the enhanced code says which.
    private static RelayVerdict loginSenderWorks(String refusal) {
        AccountProfile p = ALICE.withEmail("bob@example.ru").withSmtpAuth(new SmtpAuth.SameAsIncoming());
        RelayAttempt c = attempt(AttemptKind.CONFIGURED, true, p.email(), p.testRecipient(), AttemptStage.RCPT, refusal);
        RelayAttempt login = attempt(AttemptKind.LOGIN_SENDER, true, "alice@example.ru", p.testRecipient(),
                AttemptStage.ACCEPTED, "250 2.1.5 Ok");
        return diagnose(p, c, List.of(login), List.of("PLAIN"), Optional.empty());
    }

    @Test
    void aPolicyRefusalOfAnotherUsersAddressIsSenderNotOwned() {
        RelayVerdict v = loginSenderWorks("553 5.7.1 <bob@example.ru>: Sender address rejected: not owned by user alice");
        assertThat(v.code()).isEqualTo(VerdictCode.SENDER_NOT_OWNED);
        assertThat(v.verified()).isTrue();
        assertThat(v.changes()).containsExactly(new ProfileChange.EmailAddress("alice@example.ru"));
    }

    @Test
    void anAddressStatusRefusalIsSenderUnknown() {
        // unknown wording a classifier has never seen: the X.1.x code alone says "the address"
        RelayVerdict v = loginSenderWorks("550 5.1.0 <bob@example.ru>: no such mailbox here, sorry");
        assertThat(v.code()).isEqualTo(VerdictCode.SENDER_UNKNOWN);
        assertThat(v.changes()).containsExactly(new ProfileChange.EmailAddress("alice@example.ru"));
    }

    @Test
    void aStandInSenderIsNeverOfferedAsTheUsersAddress() {
        AccountProfile p = ALICE.withEmail("bob@elsewhere.example");
        RelayAttempt c = attempt(AttemptKind.CONFIGURED, false, p.email(), p.testRecipient(), AttemptStage.RCPT,
                "550 5.7.1 <bob@elsewhere.example>: Sender address rejected: not local sender");
        RelayAttempt own = attempt(AttemptKind.OWN_DOMAIN_SENDER, false, "postmaster@example.ru", p.testRecipient(),
                AttemptStage.ACCEPTED, "250 2.1.5 Ok");
        RelayVerdict v = diagnose(p.withSmtpAuth(new SmtpAuth.Off()), c, List.of(own), List.of(), Optional.empty());
        assertThat(v.code()).isEqualTo(VerdictCode.SENDER_NOT_LOCAL);
        assertThat(v.verified()).isTrue();
        assertThat(v.changes()).isEmpty();
    }

    @Test
    void aClientBlockLiftedByLoggingOnKeepsItsCodeWithTheVerifiedFix() {
        String block = "554 5.7.1 Service unavailable; Client host [203.0.113.5] blocked using zen.spamhaus.org";
        RelayAttempt c = attempt(AttemptKind.CONFIGURED, false, ALICE.email(), ALICE.testRecipient(), AttemptStage.RCPT,
                block);
        RelayAttempt auth = attempt(AttemptKind.WITH_AUTH, true, ALICE.email(), ALICE.testRecipient(),
                AttemptStage.ACCEPTED, "250 2.1.5 Ok");
        RelayVerdict v = diagnose(ALICE, c, List.of(auth), List.of("PLAIN"), Optional.empty());
        assertThat(v.code()).isIn(VerdictCode.CLIENT_BLOCKED, VerdictCode.CLIENT_BLOCKED_DYNAMIC);
        assertThat(v.verified()).isTrue();
        assertThat(v.changes()).containsExactly(new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming()));
        assertThat(v.evidence()).contains(block, "250 2.1.5 Ok");
    }

    // ---- a relay refusal on a submission port without a login ------------------------------------------------

    private static final String EXCHANGE_NON_ACCEPTED = "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain";
    private static final ProfileChange TURN_ON_AUTH = new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming());

    private static AccountProfile at(int port, Security security) {
        return ALICE.withOutgoing(new OutgoingServer(ALICE.outgoing().host(), port, security));
    }

    private static RelayAttempt on(AccountProfile p, AttemptKind kind, boolean withAuth, AttemptStage stage,
            String reply) {
        ServerReply r = ServerReply.parse(reply);
        return new RelayAttempt(kind, p.outgoing().port(), p.outgoing().security(), withAuth, p.email(),
                p.testRecipient(), stage, Optional.of(r), Optional.empty(), true, r.lines());
    }

    /// The configured attempt without a login refused with `refusal` at RCPT, no login to try (no password):
    /// only the port and the missing login decide.
    private static RelayVerdict refusedWithoutLogin(AccountProfile p, String refusal, List<String> mechanisms,
            boolean startTlsOffered, List<RelayAttempt> probes) {
        RelayAttempt c = on(p, AttemptKind.CONFIGURED, false, AttemptStage.RCPT, refusal);
        return new Diagnoser().diagnose(new ProbeMatrix(p, c, probes, mechanisms, false, startTlsOffered, List.of(),
                List.of(), Optional.empty(), Optional.empty(), Optional.of(false), List.of(), Optional.empty())).verdict();
    }

    @ParameterizedTest(name = "port {0} {1}")
    @CsvSource({"587, STARTTLS", "465, SSL_TLS", "2525, STARTTLS"})
    void exchangesNonAcceptedDomainOnASubmissionPortWithoutLoginIsAuthRequired(int port, Security security) {
        RelayVerdict v = refusedWithoutLogin(at(port, security), EXCHANGE_NON_ACCEPTED, List.of("LOGIN", "XOAUTH2"),
                false, List.of());
        assertThat(v.code()).isEqualTo(VerdictCode.AUTH_REQUIRED);
        assertThat(v.verified()).as("no login was tried").isFalse();
        assertThat(v.changes()).containsExactly(TURN_ON_AUTH);
        assertThat(v.alternatives()).contains(VerdictCode.NETWORK_RESTRICTED);
        assertThat(v.evidence()).containsExactly(EXCHANGE_NON_ACCEPTED);
    }

    /// The rule is the port and the missing login, not Exchange's words: Postfix and qmail on 587 alike.
    @ParameterizedTest
    @ValueSource(strings = {RELAY_DENIED, "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)"})
    void anyRelayRefusalOnASubmissionPortWithoutLoginIsAuthRequired(String refusal) {
        RelayVerdict v = refusedWithoutLogin(at(587, Security.STARTTLS), refusal, List.of("PLAIN"), false, List.of());
        assertThat(v.code()).isEqualTo(VerdictCode.AUTH_REQUIRED);
        assertThat(v.changes()).containsExactly(TURN_ON_AUTH);
    }

    /// Port 25 is the relay port: there the same refusal keeps its network reading.
    @Test
    void theSameRefusalOnPort25StaysNetworkRestricted() {
        RelayVerdict v = refusedWithoutLogin(at(25, Security.STARTTLS), EXCHANGE_NON_ACCEPTED, List.of("LOGIN"), false,
                List.of());
        assertThat(v.code()).isEqualTo(VerdictCode.NETWORK_RESTRICTED);
        assertThat(v.alternatives()).contains(VerdictCode.AUTH_REQUIRED);
    }

    /// A plain connection to 587 sees no AUTH yet; the server offers STARTTLS, after which it usually does.
    @Test
    void onAPlainSubmissionConnectionTheFixIsStartTlsAndTheLogin() {
        RelayVerdict v = refusedWithoutLogin(at(587, Security.NONE), EXCHANGE_NON_ACCEPTED, List.of(), true, List.of());
        assertThat(v.code()).isEqualTo(VerdictCode.AUTH_REQUIRED);
        assertThat(v.changes()).containsExactly(new ProfileChange.OutgoingPort(587, Security.STARTTLS), TURN_ON_AUTH);
    }

    /// No AUTH even inside TLS: turning the login on cannot be the fix.
    @Test
    void aSubmissionPortOfferingNoLoginIsNotAuthRequired() {
        RelayVerdict v = refusedWithoutLogin(at(587, Security.STARTTLS), EXCHANGE_NON_ACCEPTED, List.of(), true,
                List.of());
        assertThat(v.code()).isEqualTo(VerdictCode.NETWORK_RESTRICTED);
        AccountProfile plain = at(587, Security.NONE);
        RelayAttempt tlsWithoutAuth = new RelayAttempt(AttemptKind.WITH_TLS, 587, Security.STARTTLS, false,
                plain.email(), plain.testRecipient(), AttemptStage.RCPT, Optional.of(ServerReply.parse(EXCHANGE_NON_ACCEPTED)),
                Optional.empty(), false, List.of(EXCHANGE_NON_ACCEPTED));
        assertThat(refusedWithoutLogin(plain, EXCHANGE_NON_ACCEPTED, List.of(), true, List.of(tlsWithoutAuth)).code())
                .isEqualTo(VerdictCode.NETWORK_RESTRICTED);
        // the login probe went into TLS and found no AUTH there either (a password was stored)
        RelayAttempt loginFoundNoAuth = new RelayAttempt(AttemptKind.WITH_AUTH, 587, Security.STARTTLS, true,
                plain.email(), plain.testRecipient(), AttemptStage.AUTH, Optional.empty(), Optional.empty(), false,
                List.of("250 mail.example.ru"));
        assertThat(refusedWithoutLogin(plain, EXCHANGE_NON_ACCEPTED, List.of(), true, List.of(loginFoundNoAuth)).code())
                .isEqualTo(VerdictCode.NETWORK_RESTRICTED);
    }

    /// Logged on and still refused: the login was used, so the refusal is about the network after all.
    @Test
    void aLoginThatWorkedButWasRefusedKeepsNetworkRestricted() {
        AccountProfile p = at(587, Security.STARTTLS);
        RelayAttempt withAuth = on(p, AttemptKind.WITH_AUTH, true, AttemptStage.RCPT, EXCHANGE_NON_ACCEPTED);
        RelayVerdict v = refusedWithoutLogin(p, EXCHANGE_NON_ACCEPTED, List.of("LOGIN"), false, List.of(withAuth));
        assertThat(v.code()).isEqualTo(VerdictCode.NETWORK_RESTRICTED);
    }
}
