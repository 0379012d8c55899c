package org.relaydoctor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaydoctor.it.MtaScenarios.mta;
import static org.relaydoctor.it.TestAccounts.EXTERNAL_RECIPIENT;
import static org.relaydoctor.it.TestAccounts.YOZH;
import static org.relaydoctor.it.TestAccounts.YOZH_PASSWORD;
import static org.relaydoctor.it.TestAccounts.YOZH_WRONG_PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relaydoctor.check.AccountCheck;
import org.relaydoctor.check.CheckListener;
import org.relaydoctor.check.CheckOptions;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.Credentials;
import org.relaydoctor.check.DnsStep;
import org.relaydoctor.check.HostResolver;
import org.relaydoctor.cli.RelayDoctorCommand;
import org.relaydoctor.cli.ResultText;
import org.relaydoctor.diagnosis.ProfileChange;
import org.relaydoctor.diagnosis.RelayVerdict;
import org.relaydoctor.diagnosis.VerdictCode;
import org.relaydoctor.probe.InboxLook;
import org.relaydoctor.probe.IncomingLogin;
import org.relaydoctor.probe.ProbeLimits;
import org.relaydoctor.probe.ProbeSession;
import org.relaydoctor.probe.Redactor;
import org.relaydoctor.probe.ServerReply;
import org.relaydoctor.probe.SmtpProbe;
import org.relaydoctor.probe.TlsTrust;
import org.relaydoctor.probe.Transcript;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;
import org.relaydoctor.report.JsonReport;

/// A Russian-speaking user's account (`yozh@relaydoctor.test`, password "пароль-Ёж42") against the real Dovecot and
/// Postfix: every way the program logs on with that password — the probes' SMTP AUTH (PLAIN and LOGIN), POP3
/// `USER`/`PASS` and IMAP `LOGIN`, and Angus Mail's SMTP, POP3 and IMAP log-ons of the test send — gets in, a wrong
/// Cyrillic password is refused (so getting in proves the bytes were right), and the password appears in no
/// transcript, step, verdict, text or JSON, in none of its forms.
@ExtendWith(MtaScenarios.class)
@ResourceLock("pop-before-smtp") // the account subscribes to POP-before-SMTP: its every login grants relay
class CyrillicPasswordIT {
    private static final Duration TIMEOUT = PostfixVerdictIT.TIMEOUT;
    private static final String RCPT_OK = "250 2.1.5 Ok";
    private static final String RELAY_DENIED = "554 5.7.1 <" + EXTERNAL_RECIPIENT + ">: Relay access denied";

    @TempDir
    Path dir;

    // ---- SMTP AUTH through Dovecot SASL ---------------------------------------------------------------------

    @Test
    void submissionWithACyrillicPasswordIsOk() {
        CheckResult r = check(account(PostfixScenario.SUBMISSION, MailProtocol.POP3, new SmtpAuth.SameAsIncoming()),
                YOZH_PASSWORD);
        RelayVerdict v = r.verdict();
        assertThat(v.code()).as(describe(r)).isEqualTo(VerdictCode.OK);
        assertThat(v.verified()).isTrue();
        assertThat(v.evidence()).contains(RCPT_OK);
        assertThat(texts(r)).contains("AUTH PLAIN " + Redactor.MASK, "235 2.7.0 Authentication successful");
        assertNoPassword(r, YOZH_PASSWORD);
    }

    @Test
    void authRequiredWithTheBoxOffIsProvedByACyrillicLogin() {
        CheckResult r = check(account(PostfixScenario.AUTH_REQUIRED, MailProtocol.POP3, new SmtpAuth.Off()),
                YOZH_PASSWORD);
        RelayVerdict v = r.verdict();
        assertThat(v.code()).as(describe(r)).isEqualTo(VerdictCode.AUTH_REQUIRED);
        assertThat(v.changes()).containsExactly(new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming()));
        assertThat(v.verified()).as("the probe with the login relayed").isTrue();
        assertThat(v.evidence()).contains(RELAY_DENIED, RCPT_OK);
        assertNoPassword(r, YOZH_PASSWORD);
    }

    @Test
    void aWrongCyrillicPasswordIsAuthFailed() {
        CheckResult r = check(account(PostfixScenario.SUBMISSION, MailProtocol.POP3, new SmtpAuth.SameAsIncoming()),
                YOZH_WRONG_PASSWORD);
        assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.AUTH_FAILED);
        assertThat(r.verdict().evidence()).anySatisfy(l -> assertThat(l).startsWith("535 5.7.8"));
        assertNoPassword(r, YOZH_WRONG_PASSWORD);
    }

    /// The probe's own SASL exchange with each mechanism Postfix offers, one connection each.
    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "LOGIN"})
    void theProbeLogsOnWithEachMechanism(String mechanism) throws Exception {
        ProbeSession session = session();
        InetSocketAddress smtp = mta().smtp(PostfixScenario.SUBMISSION);
        try (SmtpProbe probe = SmtpProbe.connect(session, InetAddress.getByName(smtp.getHostString()),
                PostfixVerdictIT.SMTP_HOST, smtp.getPort(), false)) {
            assertThat(probe.greeting().code()).isEqualTo(220);
            assertThat(probe.ehlo().code()).isEqualTo(250);
            assertThat(probe.authMechanisms()).contains(mechanism);
            Optional<ServerReply> reply = probe.authenticate(YOZH, YOZH_PASSWORD, Optional.of(mechanism));
            assertThat(reply).as(session.transcript().lines().toString()).hasValueSatisfying(
                    a -> assertThat(a.code()).isEqualTo(235));
            assertThat(probe.mailFrom(YOZH).code()).isEqualTo(250);
            assertThat(probe.rcptTo(EXTERNAL_RECIPIENT).code()).as("relays after the login").isEqualTo(250);
            probe.quit();
        }
        String transcript = session.transcript().lines().toString();
        assertThat(transcript).contains("AUTH " + mechanism);
        assertNoPassword(transcript, YOZH_PASSWORD);
    }

    // ---- POP-before-SMTP: the probe's POP3 and IMAP logins --------------------------------------------------

    @Test
    void popBeforeSmtpIsProvedByAPop3LoginWithACyrillicPassword() {
        CheckResult r = withoutGrants(() -> check(
                account(PostfixScenario.POP_BEFORE_SMTP, MailProtocol.POP3, new SmtpAuth.Off()), YOZH_PASSWORD));
        RelayVerdict v = r.verdict();
        assertThat(v.code()).as(describe(r)).isEqualTo(VerdictCode.POP_BEFORE_SMTP);
        assertThat(v.changes()).containsExactly(new ProfileChange.LogOnToIncomingFirst());
        assertThat(v.verified()).isTrue();
        assertThat(v.evidence()).contains(RELAY_DENIED, RCPT_OK);
        assertThat(v.evidence()).contains("+OK Logged in.");
        assertNoPassword(r, YOZH_PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POP3", "IMAP"})
    void popBeforeSmtpWithTheBoxOnIsOk(MailProtocol incoming) {
        CheckResult r = withoutGrants(() -> check(
                account(PostfixScenario.POP_BEFORE_SMTP, incoming, new SmtpAuth.Off()).withLogOnToIncomingFirst(true),
                YOZH_PASSWORD));
        assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.OK);
        assertThat(r.verdict().evidence()).contains(RCPT_OK);
        assertNoPassword(r, YOZH_PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POP3", "IMAP"})
    void theIncomingProbeGetsInWithTheCyrillicPasswordAndNotWithAWrongOne(MailProtocol protocol) throws Exception {
        withoutGrants(() -> {
            ProbeSession session = session();
            IncomingLogin.Result in = incoming(session, protocol, YOZH_PASSWORD);
            assertThat(in.loggedIn()).as(session.transcript().lines().toString()).isTrue();
            if (protocol == MailProtocol.IMAP) {
                assertThat(session.transcript().lines()).as("the password went as a literal, after Dovecot's +")
                        .anySatisfy(l -> assertThat(l.text()).startsWith("+ "));
            }
            assertThat(grants()).as("Dovecot's post-login script ran").isNotEmpty();
            mta().revokePopBeforeSmtpGrants();
            IncomingLogin.Result wrong = incoming(session, protocol, YOZH_WRONG_PASSWORD);
            assertThat(wrong.loggedIn()).as(wrong.evidence().toString()).isFalse();
            assertThat(grants()).isEmpty();
            String transcript = session.transcript().lines().toString();
            assertNoPassword(transcript, YOZH_PASSWORD);
            assertNoPassword(transcript, YOZH_WRONG_PASSWORD);
            return null;
        });
    }

    // ---- Angus Mail: the test send's log-ons ------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"POP3", "IMAP"})
    void angusLogsOnToDovecotWithTheCyrillicPasswordAndNotWithAWrongOne(MailProtocol protocol) {
        withoutGrants(() -> {
            ProbeSession session = session();
            assertThat(new InboxLook(session).logOn(mailbox(protocol, YOZH_PASSWORD)))
                    .as(session.transcript().lines().toString()).isEmpty();
            assertThat(grants()).as("Dovecot's post-login script ran").isNotEmpty();
            mta().revokePopBeforeSmtpGrants();
            assertThat(new InboxLook(session).logOn(mailbox(protocol, YOZH_WRONG_PASSWORD))).startsWith("login refused");
            assertThat(grants()).isEmpty();
            String transcript = session.transcript().lines().toString();
            assertNoPassword(transcript, YOZH_PASSWORD);
            assertNoPassword(transcript, YOZH_WRONG_PASSWORD);
            return null;
        });
    }

    /// `check --test-send` with "log on to incoming first" over POP3 or IMAP: Angus logs on to Dovecot, sends
    /// through the POP-before-SMTP listener, and looks into the (IMAP or POP3) inbox, where the discard transport
    /// never delivers: the look must log on fine and only not find the message.
    @ParameterizedTest
    @ValueSource(strings = {"pop3", "imap"})
    void testSendLogsOnWithAngusAndSends(String incoming) throws Exception {
        JsonNode json = withoutGrants(() -> testSend(PostfixScenario.POP_BEFORE_SMTP, incoming, "off",
                "--pop-before-smtp", "--arrival-wait", "3"));
        assertThat(json.at("/verdict/code").asText()).isEqualTo("OK");
        assertThat(step(json, "test.incoming.login").at("/outcome").asText()).as(json.at("/steps").toString())
                .isEqualTo("PASSED");
        assertThat(step(json, "test.send").at("/outcome").asText()).isEqualTo("PASSED");
        assertThat(step(json, "test.arrival").at("/outcome").asText()).as("logged on, found nothing")
                .isEqualTo("WARNING");
        assertThat(json.at("/findings").findValuesAsText("code")).contains("TEST_MESSAGE_SENT",
                "TEST_MESSAGE_NOT_ARRIVED");
    }

    @Test
    void testSendAuthenticatesWithAngusThroughDovecotSasl() throws Exception {
        JsonNode json = testSend(PostfixScenario.SUBMISSION, "pop3", "same", "--test-send-to", EXTERNAL_RECIPIENT);
        assertThat(json.at("/verdict/code").asText()).isEqualTo("OK");
        JsonNode send = step(json, "test.send");
        assertThat(send.at("/outcome").asText()).as(send.toString()).isEqualTo("PASSED");
        assertThat(send.at("/summary").asText()).as("the listener relays only after SASL")
                .contains("250 2.0.0 Ok: queued as");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /// The account as typed, like {@link PostfixVerdictIT#account}, with the incoming server's protocol chosen.
    private static AccountProfile account(PostfixScenario scenario, MailProtocol incoming, SmtpAuth auth) {
        InetSocketAddress smtp = mta().smtp(scenario);
        int port = (incoming == MailProtocol.POP3 ? mta().pop3() : mta().imap()).getPort();
        return new AccountProfile(scenario.name(), "Ёжик Тестовый", YOZH,
                new IncomingServer(incoming, PostfixVerdictIT.POP_HOST, port, Security.NONE),
                new OutgoingServer(PostfixVerdictIT.SMTP_HOST, smtp.getPort(), Security.NONE), YOZH, auth, false,
                EXTERNAL_RECIPIENT, TIMEOUT);
    }

    private static CheckResult check(AccountProfile profile, Secret password) {
        InetSocketAddress dns = mta().dns();
        CheckOptions options = new CheckOptions(
                Optional.of(new InetSocketAddress(dns.getHostString(), dns.getPort())), false, true, false, Locale.ENGLISH)
                .withExtraTrust(List.of(PostfixVerdictIT.testCertificate()));
        return new AccountCheck(options, HostResolver.of(options.dnsServer()), DnsStep.live())
                .run(profile, Credentials.of(password), CheckListener.NONE);
    }

    private static ProbeSession session() {
        return new ProbeSession(new Transcript(new Redactor()), ProbeLimits.of(TIMEOUT), new TlsTrust(List.of(), false));
    }

    private static IncomingLogin.Result incoming(ProbeSession session, MailProtocol protocol, Secret password)
            throws Exception {
        InetSocketAddress a = protocol == MailProtocol.POP3 ? mta().pop3() : mta().imap();
        return new IncomingLogin(session).logOn(protocol, InetAddress.getByName(a.getHostString()),
                PostfixVerdictIT.POP_HOST, a.getPort(), Security.NONE, YOZH, password);
    }

    private static InboxLook.Mailbox mailbox(MailProtocol protocol, Secret password) {
        InetSocketAddress a = protocol == MailProtocol.POP3 ? mta().pop3() : mta().imap();
        try {
            return new InboxLook.Mailbox(protocol, InetAddress.getByName(a.getHostString()), PostfixVerdictIT.POP_HOST,
                    a.getPort(), Security.NONE, YOZH, password);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode testSend(PostfixScenario scenario, String incoming, String smtpAuth, String... extra)
            throws Exception {
        InetSocketAddress smtp = mta().smtp(scenario);
        InetSocketAddress in = incoming.equals("pop3") ? mta().pop3() : mta().imap();
        InetSocketAddress dns = mta().dns();
        Path pw = dir.resolve("password");
        Files.writeString(pw, YOZH_PASSWORD.reveal() + "\n");
        List<String> args = new ArrayList<>(List.of("check", "--json", "--lang", "ru", "--email", YOZH,
                "--name", "Ёжик Тестовый", "--user", YOZH, "--smtp-auth", smtpAuth,
                "--smtp-host", PostfixVerdictIT.SMTP_HOST, "--smtp-port", String.valueOf(smtp.getPort()),
                "--smtp-security", "none", "--incoming", incoming, "--incoming-host", PostfixVerdictIT.POP_HOST,
                "--incoming-port", String.valueOf(in.getPort()), "--incoming-security", "none",
                "--to", EXTERNAL_RECIPIENT, "--timeout", "8", "--password-file", pw.toString(),
                "--dns-server", dns.getHostString() + ":" + dns.getPort(), "--test-send"));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        new RelayDoctorCommand().run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertThat(out.toString()).as(err.toString()).startsWith("{");
        assertNoPassword(out + err.toString(), YOZH_PASSWORD);
        return new ObjectMapper().readTree(out.toString());
    }

    private static JsonNode step(JsonNode json, String id) {
        for (JsonNode s : json.at("/steps")) {
            if (s.at("/id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no step " + id + " in " + json.at("/steps"));
    }

    private static List<Path> grants() {
        try (var files = Files.list(mta().popBeforeSmtpGrants())) {
            return files.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /// Runs `body` with no POP-before-SMTP grant before or after: this account's logins grant relay.
    private static <T> T withoutGrants(ThrowingSupplier<T> body) {
        mta().revokePopBeforeSmtpGrants();
        try {
            return body.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            mta().revokePopBeforeSmtpGrants();
        }
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private static String describe(CheckResult r) {
        return r.verdict() + "\n" + r.steps().stream().map(s -> s.id() + " " + s.outcome() + " " + s.summary())
                .collect(Collectors.joining("\n")) + "\n" + texts(r);
    }

    private static String texts(CheckResult r) {
        return r.transcript().stream().map(l -> l.connection() + " " + l.direction() + " " + l.text())
                .collect(Collectors.joining("\n"));
    }

    /// Nowhere in the transcript, steps, verdict, findings, the English and Russian text or the JSON.
    private static void assertNoPassword(CheckResult r, Secret password) {
        assertNoPassword(describe(r) + r.findings() + r.smtp() + new ResultText(Locale.ENGLISH).render(r)
                + new ResultText(Locale.of("ru")).render(r) + new JsonReport(Locale.of("ru")).write(r), password);
    }

    private static void assertNoPassword(String text, Secret password) {
        for (String form : PostfixCheckCliIT.secretForms(YOZH, password.reveal())) {
            assertThat(text).as("the password in the form '%s' leaked", form).doesNotContain(form);
        }
    }
}
