package org.relaydoctor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaydoctor.it.MtaScenarios.mta;
import static org.relaydoctor.it.TestAccounts.ALICE;
import static org.relaydoctor.it.TestAccounts.ALICE_PASSWORD;
import static org.relaydoctor.it.TestAccounts.BOB;
import static org.relaydoctor.it.TestAccounts.EXTERNAL_RECIPIENT;
import static org.relaydoctor.it.TestAccounts.FOREIGN;
import static org.relaydoctor.it.TestAccounts.GHOST;
import static org.relaydoctor.it.TestAccounts.POP;
import static org.relaydoctor.it.TestAccounts.POP_PASSWORD;
import static org.relaydoctor.it.TestAccounts.WRONG_PASSWORD;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaydoctor.check.AccountCheck;
import org.relaydoctor.check.CheckListener;
import org.relaydoctor.check.CheckOptions;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.Credentials;
import org.relaydoctor.check.DnsStep;
import org.relaydoctor.check.HostResolver;
import org.relaydoctor.diagnosis.ProfileChange;
import org.relaydoctor.diagnosis.RelayVerdict;
import org.relaydoctor.diagnosis.VerdictCode;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;

/// The whole check against the real Postfix scenarios: for each restriction, the account as a user would have
/// typed it (the one wrong setting that causes the trouble) gets the right verdict code, the right fix, the
/// right "verified", and evidence that quotes the server's own line; the same account with the setting right
/// gets `OK`. Names resolve through the harness's DNS (as with `--dns-server`); the certificate of the test
/// servers is trusted the way a provider's real certificate would be. Prints each check's code and wall time.
@ExtendWith(MtaScenarios.class)
class PostfixVerdictIT {
    /// The outgoing server as a user types it: the provider's name, resolved by the test DNS.
    static final String SMTP_HOST = "smtp.relaydoctor.test";
    static final String MX_HOST = "mx.relaydoctor.test";
    static final String POP_HOST = "pop.relaydoctor.test";
    /// Generous: the servers share a small, busy build machine, and a slow answer must not pass for a silent one.
    static final Duration TIMEOUT = Duration.ofSeconds(8);
    /// For the port that never greets: the check waits this once.
    static final Duration SILENT_TIMEOUT = Duration.ofSeconds(3);
    private static final String RELAY_DENIED = "554 5.7.1 <" + EXTERNAL_RECIPIENT + ">: Relay access denied";
    private static final String RCPT_OK = "250 2.1.5 Ok";
    private static final Map<String, String> TIMES = new ConcurrentSkipListMap<>();

    // ---- (a) auth-required --------------------------------------------------------------------------------

    @Test
    void authRequiredWithTheBoxOffTurnsItOnVerified() {
        RelayVerdict v = check("auth-required", account(PostfixScenario.AUTH_REQUIRED, ALICE, ALICE, new SmtpAuth.Off()),
                ALICE_PASSWORD).verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.AUTH_REQUIRED);
        assertThat(v.changes()).containsExactly(new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming()));
        assertThat(v.verified()).isTrue();
        assertThat(v.evidence()).contains(RELAY_DENIED, RCPT_OK);
    }

    @Test
    void authRequiredWithTheBoxOnIsOk() {
        RelayVerdict v = check("auth-required (auth on)",
                account(PostfixScenario.AUTH_REQUIRED, ALICE, ALICE, new SmtpAuth.SameAsIncoming()), ALICE_PASSWORD)
                .verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.OK);
        assertThat(v.changes()).isEmpty();
        assertThat(v.evidence()).contains(RCPT_OK);
    }

    // ---- (b) network-restricted -----------------------------------------------------------------------------

    @Test
    void networkRestrictedIsNamedAsSuchNotAsAnInboundMx() {
        RelayVerdict v = check("network-restricted",
                account(PostfixScenario.NETWORK_RESTRICTED, ALICE, ALICE, new SmtpAuth.Off()), ALICE_PASSWORD).verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.NETWORK_RESTRICTED);
        assertThat(v.changes()).as("no setting of the program fixes it").isEmpty();
        assertThat(v.verified()).isFalse();
        assertThat(v.evidence()).contains(RELAY_DENIED);
    }

    // ---- (c) pop-before-smtp --------------------------------------------------------------------------------

    @Test
    @org.junit.jupiter.api.parallel.ResourceLock("pop-before-smtp")
    void popBeforeSmtpIsProvedByAPop3Login() {
        mta().revokePopBeforeSmtpGrants();
        try {
            RelayVerdict v = check("pop-before-smtp",
                    account(PostfixScenario.POP_BEFORE_SMTP, POP, POP, new SmtpAuth.Off()), POP_PASSWORD).verdict();
            assertThat(v.code()).isEqualTo(VerdictCode.POP_BEFORE_SMTP);
            assertThat(v.changes()).containsExactly(new ProfileChange.LogOnToIncomingFirst());
            assertThat(v.verified()).isTrue();
            assertThat(v.evidence()).contains(RELAY_DENIED, RCPT_OK);
            assertThat(v.evidence()).anySatisfy(line -> assertThat(line).startsWith("+OK"));
        } finally {
            mta().revokePopBeforeSmtpGrants();
        }
    }

    @Test
    @org.junit.jupiter.api.parallel.ResourceLock("pop-before-smtp")
    void popBeforeSmtpWithTheBoxOnIsOk() {
        mta().revokePopBeforeSmtpGrants();
        try {
            RelayVerdict v = check("pop-before-smtp (log on first)",
                    account(PostfixScenario.POP_BEFORE_SMTP, POP, POP, new SmtpAuth.Off()).withLogOnToIncomingFirst(true),
                    POP_PASSWORD).verdict();
            assertThat(v.code()).isEqualTo(VerdictCode.OK);
            assertThat(v.evidence()).contains(RCPT_OK);
        } finally {
            mta().revokePopBeforeSmtpGrants();
        }
    }

    // ---- (d) sender-login-mismatch ----------------------------------------------------------------------------

    @Test
    void senderLoginMismatchIsSenderNotOwnedVerifiedWithTheLoginsAddress() {
        // alice logs on with her own login but has bob's address in "E-mail address"
        RelayVerdict v = check("sender-login-mismatch",
                account(PostfixScenario.SENDER_LOGIN_MISMATCH, BOB, ALICE, new SmtpAuth.SameAsIncoming()),
                ALICE_PASSWORD).verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.SENDER_NOT_OWNED);
        assertThat(v.changes()).containsExactly(new ProfileChange.EmailAddress(ALICE));
        assertThat(v.verified()).isTrue();
        assertThat(v.evidence()).contains(
                "553 5.7.1 <" + BOB + ">: Sender address rejected: not owned by user " + ALICE, RCPT_OK);
    }

    // ---- (e) inbound-mx -------------------------------------------------------------------------------------

    @Test
    void theDomainsMxAsOutgoingServerIsRecipientNotLocal() {
        AccountProfile p = account(PostfixScenario.INBOUND_MX, ALICE, ALICE, new SmtpAuth.Off());
        p = p.withOutgoing(new OutgoingServer(MX_HOST, p.outgoing().port(), Security.NONE));
        RelayVerdict v = check("inbound-mx", p, ALICE_PASSWORD).verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.RECIPIENT_NOT_LOCAL);
        assertThat(v.alternatives()).doesNotContain(VerdictCode.AUTH_REQUIRED);
        assertThat(v.evidence()).contains(RELAY_DENIED);
        assertThat(v.evidence()).as("the local recipient was accepted").contains(RCPT_OK);
        assertThat(v.evidence()).as("DNS names the server as the domain's MX").anySatisfy(line ->
                assertThat(line).contains(MX_HOST).contains("MX"));
        assertThat(v.verified()).as("nothing here could try the provider's submission server").isFalse();
        // the domain's RFC 6186 SRV record names the submission server: the fix is to send through it, with the login
        int submission = mta().smtp(PostfixScenario.SUBMISSION).getPort();
        assertThat(v.changes()).containsExactly(new ProfileChange.OutgoingHost("smtp.relaydoctor.test"),
                new ProfileChange.OutgoingPort(submission, Security.STARTTLS),
                new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming()));
        AccountProfile fixed = p;
        for (ProfileChange change : v.changes()) {
            fixed = change.applyTo(fixed);
        }
        assertThat(check("inbound-mx, fix applied", fixed, ALICE_PASSWORD).verdict().code())
                .as("the suggested settings work").isEqualTo(VerdictCode.OK);
    }

    @Test
    void theDomainsMxWithTheBoxOnIsStillRecipientNotLocal() {
        AccountProfile p = account(PostfixScenario.INBOUND_MX, ALICE, ALICE, new SmtpAuth.SameAsIncoming());
        p = p.withOutgoing(new OutgoingServer(MX_HOST, p.outgoing().port(), Security.NONE));
        RelayVerdict v = check("inbound-mx (auth on)", p, ALICE_PASSWORD).verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.RECIPIENT_NOT_LOCAL);
        assertThat(v.alternatives()).contains(VerdictCode.AUTH_UNAVAILABLE);
        assertThat(v.evidence()).contains(RELAY_DENIED);
    }

    @Test
    void networkRestrictedWithTheBoxOnFailsAtAuthFirst() {
        RelayVerdict v = check("network-restricted (auth on)",
                account(PostfixScenario.NETWORK_RESTRICTED, ALICE, ALICE, new SmtpAuth.SameAsIncoming()), ALICE_PASSWORD)
                .verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.AUTH_UNAVAILABLE);
        assertThat(v.alternatives()).as("turning the box off would not help either").contains(VerdictCode.NETWORK_RESTRICTED);
        assertThat(v.changes()).isEmpty();
        assertThat(v.evidence()).contains(RELAY_DENIED);
    }

    // ---- (f) starttls-required ------------------------------------------------------------------------------

    @Test
    void starttlsRequiredWithEncryptionNoneSwitchesToStarttlsVerified() {
        RelayVerdict v = check("starttls-required",
                account(PostfixScenario.STARTTLS_REQUIRED, ALICE, ALICE, new SmtpAuth.SameAsIncoming()), ALICE_PASSWORD)
                .verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.TLS_REQUIRED);
        assertThat(v.changes()).containsExactly(
                new ProfileChange.OutgoingPort(mta().smtp(PostfixScenario.STARTTLS_REQUIRED).getPort(), Security.STARTTLS));
        assertThat(v.verified()).isTrue();
        assertThat(v.evidence()).contains(RCPT_OK);
    }

    @Test
    void starttlsRequiredWithoutAuthNeedsTlsAndTheBox() {
        RelayVerdict v = check("starttls-required (auth off)",
                account(PostfixScenario.STARTTLS_REQUIRED, ALICE, ALICE, new SmtpAuth.Off()), ALICE_PASSWORD).verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.TLS_REQUIRED);
        assertThat(v.changes()).containsExactly(
                new ProfileChange.OutgoingPort(mta().smtp(PostfixScenario.STARTTLS_REQUIRED).getPort(), Security.STARTTLS),
                new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming()));
        assertThat(v.verified()).isTrue();
        assertThat(v.evidence()).contains("530 5.7.0 Must issue a STARTTLS command first", RCPT_OK);
    }

    @Test
    void starttlsRequiredWithStarttlsAndAuthIsOk() {
        AccountProfile p = account(PostfixScenario.STARTTLS_REQUIRED, ALICE, ALICE, new SmtpAuth.SameAsIncoming());
        p = p.withOutgoing(new OutgoingServer(SMTP_HOST, p.outgoing().port(), Security.STARTTLS));
        RelayVerdict v = check("starttls-required (STARTTLS, auth on)", p, ALICE_PASSWORD).verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.OK);
    }

    // ---- (g) not-local-sender ---------------------------------------------------------------------------------

    @Test
    void notLocalSenderIsProvedByTheServersOwnDomain() {
        // the ISP's relay, with the address of another provider in "E-mail address"
        RelayVerdict v = check("not-local-sender",
                account(PostfixScenario.NOT_LOCAL_SENDER, FOREIGN, ALICE, new SmtpAuth.Off()), ALICE_PASSWORD).verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.SENDER_NOT_LOCAL);
        assertThat(v.changes()).as("the ISP login's own address").containsExactly(new ProfileChange.EmailAddress(ALICE));
        assertThat(v.verified()).isTrue();
        assertThat(v.evidence()).contains("550 5.7.1 <" + FOREIGN + ">: Sender address rejected: not local sender",
                RCPT_OK);
    }

    @Test
    void notLocalSenderWithTheOwnAddressIsOk() {
        RelayVerdict v = check("not-local-sender (own address)",
                account(PostfixScenario.NOT_LOCAL_SENDER, ALICE, ALICE, new SmtpAuth.Off()), ALICE_PASSWORD).verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.OK);
    }

    @Test
    void theIspRelayWithTheBoxOnTurnsItOffVerified() {
        // the relay trusts its own network and offers no AUTH: the login is the only thing in the way
        RelayVerdict v = check("not-local-sender (own address, auth on)",
                account(PostfixScenario.NOT_LOCAL_SENDER, ALICE, ALICE, new SmtpAuth.SameAsIncoming()), ALICE_PASSWORD)
                .verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.AUTH_UNAVAILABLE);
        assertThat(v.changes()).containsExactly(new ProfileChange.RequireSmtpAuth(new SmtpAuth.Off()));
        assertThat(v.verified()).isTrue();
        assertThat(v.evidence()).contains(RCPT_OK);
    }

    // ---- (h) pbl-blocked ------------------------------------------------------------------------------------

    @Test
    void pblListedClientIsDynamicBlockAndLoggingOnIsTheVerifiedFix() {
        CheckResult r = check("pbl-blocked", account(PostfixScenario.PBL_BLOCKED, ALICE, ALICE, new SmtpAuth.Off()),
                ALICE_PASSWORD);
        RelayVerdict v = r.verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.CLIENT_BLOCKED_DYNAMIC);
        assertThat(v.changes()).containsExactly(new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming()));
        assertThat(v.verified()).isTrue();
        assertThat(v.evidence()).anySatisfy(line -> assertThat(line).startsWith("554 5.7.1 ")
                .contains("Client host [127.0.0.1] blocked using zen.spamhaus.org"));
        assertThat(v.evidence()).contains(RCPT_OK);
        assertThat(v.evidence()).as("the blocklist listing, looked up in DNS")
                .anySatisfy(line -> assertThat(line).contains("zen.spamhaus.org").contains("127.0.0.11"));
    }

    @Test
    void pblListedClientLoggedOnIsOk() {
        RelayVerdict v = check("pbl-blocked (auth on)",
                account(PostfixScenario.PBL_BLOCKED, ALICE, ALICE, new SmtpAuth.SameAsIncoming()), ALICE_PASSWORD)
                .verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.OK);
    }

    // ---- (i) null-sender-refused ------------------------------------------------------------------------------

    @Test
    void nullSenderRefusedIsNotTheSettingsFault() {
        RelayVerdict v = check("null-sender-refused",
                account(PostfixScenario.NULL_SENDER_REFUSED, ALICE, ALICE, new SmtpAuth.SameAsIncoming()), ALICE_PASSWORD)
                .verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.NULL_SENDER_REJECTED);
        assertThat(v.changes()).as("the program's settings are not at fault").isEmpty();
        assertThat(v.evidence()).contains("550 5.7.1 <>: Sender address rejected: null sender not accepted", RCPT_OK);
    }

    // ---- (j) unknown-sender ---------------------------------------------------------------------------------

    @Test
    void unknownSenderIsSenderUnknownNotSenderNotOwned() {
        // a mistyped address in "E-mail address"; the login is right
        RelayVerdict v = check("unknown-sender",
                account(PostfixScenario.UNKNOWN_SENDER, GHOST, ALICE, new SmtpAuth.SameAsIncoming()), ALICE_PASSWORD)
                .verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.SENDER_UNKNOWN);
        assertThat(v.changes()).containsExactly(new ProfileChange.EmailAddress(ALICE));
        assertThat(v.verified()).as("the login's own address was accepted").isTrue();
        assertThat(v.evidence()).contains("550 5.1.0 <" + GHOST
                + ">: Sender address rejected: User unknown in local recipient table", RCPT_OK);
    }

    // ---- (k) wrong-password ---------------------------------------------------------------------------------

    @Test
    void wrongPasswordIsAuthFailed() {
        CheckResult r = check("wrong-password",
                account(PostfixScenario.WRONG_PASSWORD, ALICE, ALICE, new SmtpAuth.SameAsIncoming()), WRONG_PASSWORD);
        RelayVerdict v = r.verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.AUTH_FAILED);
        assertThat(v.verified()).isFalse();
        assertThat(v.evidence()).anySatisfy(line -> assertThat(line).startsWith("535 5.7.8 Error: authentication failed"));
        assertThat(r.transcript()).noneSatisfy(l -> assertThat(l.text()).contains(WRONG_PASSWORD.reveal()));
    }

    // ---- (l) submission -------------------------------------------------------------------------------------

    @Test
    void submissionWithTheRightSettingsIsOk() {
        CheckResult r = check("submission",
                account(PostfixScenario.SUBMISSION, ALICE, ALICE, new SmtpAuth.SameAsIncoming()), ALICE_PASSWORD);
        RelayVerdict v = r.verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.OK);
        assertThat(v.verified()).isTrue();
        assertThat(v.changes()).isEmpty();
        assertThat(v.evidence()).contains(RCPT_OK);
        assertThat(r.findings()).noneSatisfy(f -> assertThat(f.code().name()).isEqualTo("OPEN_RELAY"));
    }

    // ---- (m) silent -----------------------------------------------------------------------------------------

    @Test
    void silentPortIsNoGreetingWithinOneTimeout() {
        AccountProfile p = account(PostfixScenario.SILENT, ALICE, ALICE, new SmtpAuth.SameAsIncoming());
        p = new AccountProfile(p.name(), p.displayName(), p.email(), p.incoming(), p.outgoing(), p.login(), p.smtpAuth(),
                p.logOnToIncomingFirst(), p.testRecipient(), SILENT_TIMEOUT);
        CheckResult r = check("silent", p, ALICE_PASSWORD);
        assertThat(r.verdict().code()).isEqualTo(VerdictCode.NO_GREETING);
        assertThat(r.verdict().verified()).isFalse();
        assertThat(r.duration()).isGreaterThanOrEqualTo(SILENT_TIMEOUT);
        // one time-out, not one per probe (with room for a busy machine)
        assertThat(r.duration()).isLessThan(SILENT_TIMEOUT.multipliedBy(2));
    }

    // ---- the account and the check --------------------------------------------------------------------------

    /// The account as typed: `email` in "E-mail address", `login` as user name, the scenario's port with no
    /// encryption, POP3 on the test Dovecot, the external test recipient.
    static AccountProfile account(PostfixScenario scenario, String email, String login, SmtpAuth auth) {
        InetSocketAddress smtp = mta().smtp(scenario);
        InetSocketAddress pop3 = mta().pop3();
        return new AccountProfile(scenario.name(), "Test User", email,
                new IncomingServer(MailProtocol.POP3, POP_HOST, pop3.getPort(), Security.NONE),
                new OutgoingServer(SMTP_HOST, smtp.getPort(), Security.NONE), login, auth, false, EXTERNAL_RECIPIENT,
                TIMEOUT);
    }

    private static CheckResult check(String label, AccountProfile profile, Secret password) {
        InetSocketAddress dns = mta().dns();
        CheckOptions options = new CheckOptions(
                Optional.of(new InetSocketAddress(dns.getHostString(), dns.getPort())), false, true, false, Locale.ENGLISH)
                .withExtraTrust(List.of(testCertificate()));
        long t0 = System.nanoTime();
        CheckResult r = new AccountCheck(options, HostResolver.of(options.dnsServer()), DnsStep.live())
                .run(profile, Credentials.of(password), CheckListener.NONE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        TIMES.put(label, r.verdict().code() + "\t" + ms);
        System.out.printf("%-40s %-24s %6d ms  verified=%s changes=%s%n  evidence=%s%n", label, r.verdict().code(), ms,
                r.verdict().verified(), r.verdict().changes(), r.verdict().evidence());
        if (System.getenv("VERDICTS_TRANSCRIPT") != null) {
            r.transcript().forEach(l -> System.out.println("    #" + l.connection() + " " + l.direction() + " " + l.text()));
        }
        return r;
    }

    /// The test servers' self-signed certificate, trusted here as a real provider's certificate would be.
    static X509Certificate testCertificate() {
        Path cert = Path.of(mta().values().get("MTA_DIR"), "tls", "cert.pem");
        try (InputStream in = Files.newInputStream(cert)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(cert + " is not a certificate", e);
        }
    }

    @AfterAll
    static void printTimes() throws IOException {
        StringBuilder table = new StringBuilder("check\tcode\tms\n");
        TIMES.forEach((k, v) -> table.append(k).append('\t').append(v).append('\n'));
        System.out.print(table);
        Files.writeString(Path.of("target", "postfix-verdicts.tsv"), table);
    }
}
