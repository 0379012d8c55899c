package org.relaydoctor.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaydoctor.check.CheckFixture.PASSWORD;
import static org.relaydoctor.check.CheckFixture.account;
import static org.relaydoctor.check.CheckFixture.describe;
import static org.relaydoctor.check.CheckFixture.withTimeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.relaydoctor.diagnosis.FindingCode;
import org.relaydoctor.diagnosis.ProfileChange;
import org.relaydoctor.diagnosis.VerdictCode;
import org.relaydoctor.probe.ProbeLimits;
import org.relaydoctor.probe.RawServer;
import org.relaydoctor.probe.TranscriptLine;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;

/// Hostile and broken servers: each yields a verdict within the time-outs, the password never shows, a
/// cancel closes the sockets at once, and a dead server costs one time-out rather than one per probe.
/// Time is judged by the check's own step durations against what the server would need, never by a tight
/// wall clock; the class-wide @Timeout is only a guard against a check that hangs.
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileServerTest {
    /// Short time-outs keep the suite quick; every bound below is stated in multiples of it.
    private static final Duration T = Duration.ofSeconds(2);

    private static AccountProfile at(int port, Security security, SmtpAuth auth) {
        return withTimeout(account(port, security, auth), T);
    }

    private static CheckResult run(AccountProfile p) {
        return CheckFixture.run(p);
    }

    private static StepResult step(CheckResult r, String prefix) {
        return r.steps().stream().filter(s -> s.id().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + prefix + "\n" + describe(r)));
    }

    private static long connectionsTo(CheckResult r, int port) {
        return r.transcript().stream().filter(l -> l.text().equals("connecting to 127.0.0.1:" + port)).count();
    }

    // ---- silent, endless, slow ---------------------------------------------------------------------------------

    @Test
    void silentServerIsNoGreetingAfterOneTimeout() throws IOException {
        try (RawServer s = RawServer.start(RawServer.Conversation::silence)) {
            CheckResult r = run(at(s.port(), Security.NONE, new SmtpAuth.SameAsIncoming()));
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.NO_GREETING);
            assertThat(step(r, "greeting").outcome()).isEqualTo(Outcome.FAILED);
            assertThat(s.accepted()).as("one connection, not one per probe").isEqualTo(1);
        }
    }

    /// Silent on a port set up for SSL/TLS: the handshake times out once, and no plain probe waits again.
    @Test
    void silentImplicitTlsPortCostsOneTimeout() throws IOException {
        try (RawServer s = RawServer.start(RawServer.Conversation::silence)) {
            CheckResult r = run(at(s.port(), Security.SSL_TLS, new SmtpAuth.SameAsIncoming()));
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.TLS_FAILED);
            assertThat(r.verdict().evidence()).anyMatch(e -> e.contains("timed out"));
            assertThat(s.accepted()).as(describe(r)).isEqualTo(1);
        }
    }

    /// "Log on to incoming mail server before sending" with a POP3 server that never greets: one time-out,
    /// and the SMTP check goes on to its own verdict.
    @Test
    void silentIncomingServerDoesNotStopTheCheck() throws IOException {
        try (RawServer pop = RawServer.start(RawServer.Conversation::silence);
                ScriptedSmtp smtp = ScriptedSmtp.start(ScriptedSmtp.Server::new)) {
            AccountProfile p = CheckFixture.withIncoming(at(smtp.port(), Security.STARTTLS,
                    new SmtpAuth.SameAsIncoming()), org.relaydoctor.profile.MailProtocol.POP3, pop.port())
                    .withLogOnToIncomingFirst(true);
            CheckResult r = run(p);
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.OK);
            assertThat(step(r, "incoming.login").outcome()).isEqualTo(Outcome.FAILED);
            assertThat(pop.accepted()).isEqualTo(1);
        }
    }

    @Test
    void endlessLineIsCutOffNotBuffered() throws IOException {
        byte[] chunk = ("220 " + "x".repeat(8188)).getBytes(StandardCharsets.US_ASCII);
        long cap = 256L << 20;
        try (RawServer s = RawServer.start(c -> {
            for (long sent = 0; sent < cap; sent += chunk.length) {
                c.write(chunk);
            }
        })) {
            CheckResult r = run(at(s.port(), Security.NONE, new SmtpAuth.Off()));
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.NO_GREETING);
            assertThat(r.transcript()).allMatch(l -> l.text().length() <= ProbeLimits.MAX_LINE + 16);
            assertThat(s.written()).as("the client stopped reading long before the server stopped writing").isLessThan(cap);
        }
    }

    @Test
    void endlessMultilineReplyIsCutOff() throws IOException {
        try (RawServer s = RawServer.start(c -> {
            c.line("220 mail.demo.test ESMTP");
            c.readLine();
            for (int i = 0; i < 1_000_000; i++) {
                c.line("250-EXTENSION-" + i);
            }
        })) {
            CheckResult r = run(at(s.port(), Security.NONE, new SmtpAuth.Off()));
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.UNKNOWN);
            assertThat(r.verdict().evidence()).anyMatch(e -> e.contains("longer than " + ProbeLimits.MAX_REPLY_LINES));
            assertThat(r.transcript().stream().filter(l -> l.direction() == TranscriptLine.Direction.SERVER).count())
                    .isLessThanOrEqualTo(ProbeLimits.MAX_REPLY_LINES + 2);
        }
    }

    /// A 300-byte greeting at one byte per 200 ms would take a minute; the reply deadline ends it.
    @Test
    void slowGreetingEndsAtTheReplyDeadline() throws IOException {
        byte[] greeting = ("220 " + "slow.".repeat(59) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        Duration pause = Duration.ofMillis(200);
        Duration serverNeeds = pause.multipliedBy(greeting.length);
        try (RawServer s = RawServer.start(c -> c.dribble(greeting, pause))) {
            CheckResult r = run(at(s.port(), Security.NONE, new SmtpAuth.Off()));
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.NO_GREETING);
            assertThat(step(r, "greeting").duration()).isLessThan(serverNeeds.dividedBy(4));
            assertThat(r.duration()).isLessThan(serverNeeds.dividedBy(2));
        }
    }

    /// Each EHLO line comes in time, the whole reply never does.
    @Test
    void slowMultilineReplyEndsAtTheReplyDeadline() throws IOException {
        Duration pause = Duration.ofMillis(500);
        try (RawServer s = RawServer.start(c -> {
            c.line("220 mail.demo.test ESMTP");
            c.readLine();
            for (int i = 0; i < 60; i++) {
                c.line("250-SLOW-" + i);
                java.util.concurrent.locks.LockSupport.parkNanos(pause.toNanos());
            }
        })) {
            CheckResult r = run(at(s.port(), Security.NONE, new SmtpAuth.Off()));
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.UNKNOWN);
            assertThat(r.verdict().evidence()).anyMatch(e -> e.startsWith("TIMEOUT"));
            assertThat(r.duration()).isLessThan(pause.multipliedBy(60).dividedBy(2));
        }
    }

    /// An implicit-TLS port that dribbles a TLS record that never ends: the handshake has the same deadline.
    @Test
    void slowTlsHandshakeEndsAtTheDeadline() throws IOException {
        byte[] record = new byte[5 + 16_000];
        record[0] = 0x16;
        record[1] = 0x03;
        record[2] = 0x03;
        record[3] = (byte) (16_000 >> 8);
        record[4] = (byte) (16_000 & 0xff);
        record[5] = 0x02;
        Duration pause = Duration.ofMillis(100);
        try (RawServer s = RawServer.start(c -> c.dribble(record, pause))) {
            CheckResult r = run(at(s.port(), Security.SSL_TLS, new SmtpAuth.SameAsIncoming()));
            assertThat(r.verdict().code()).as(describe(r)).isIn(VerdictCode.TLS_FAILED, VerdictCode.NO_GREETING);
            assertThat(r.duration()).as(describe(r)).isLessThan(pause.multipliedBy(record.length).dividedBy(10));
        }
    }

    // ---- rude and garbled --------------------------------------------------------------------------------------

    /// Greets, then hangs up at once or when EHLO arrives, before any command could be refused: the server
    /// turns this client away (CLIENT_BLOCKED, too many connections the alternative), quoted, without a time-out.
    @ParameterizedTest(name = "hangs up {0}")
    @ValueSource(strings = {"after the greeting", "on EHLO"})
    void greetingThenHangUp(String when) throws IOException {
        try (RawServer s = RawServer.start(c -> {
            c.line("220 mail.demo.test ESMTP");
            if (when.equals("on EHLO")) {
                c.readLine();
            }
            c.hangUp();
        })) {
            CheckResult r = run(at(s.port(), Security.NONE, new SmtpAuth.SameAsIncoming()));
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.CLIENT_BLOCKED);
            assertThat(r.verdict().verified()).isFalse();
            assertThat(r.verdict().alternatives()).containsExactly(VerdictCode.RATE_LIMITED);
            assertThat(r.verdict().changes()).isEmpty();
            assertThat(r.verdict().evidence()).as(describe(r)).hasSize(2).first().isEqualTo("220 mail.demo.test ESMTP");
            assertThat(r.verdict().evidence().get(1)).as(describe(r)).startsWith("DROPPED: ").endsWith(" in answer to EHLO");
            assertThat(s.accepted()).as("one connection, not one per probe").isEqualTo(1);
            assertThat(r.steps()).as("no step waited for a time-out").allSatisfy(st ->
                    assertThat(st.duration()).as(st.id()).isLessThan(T));
            assertThat(step(r, "greeting").outcome()).isEqualTo(Outcome.FAILED);
        }
    }

    static Stream<Arguments> drops() {
        return Stream.of(Arguments.of("MAIL"), Arguments.of("RCPT"), Arguments.of("RSET"));
    }

    /// Answers normally (no AUTH) until the client says `verb`, then hangs up.
    @ParameterizedTest(name = "hangs up at {0}")
    @MethodSource("drops")
    void droppedMidDialogue(String verb) throws IOException {
        try (RawServer s = RawServer.start(c -> {
            c.greetAndEhlo();
            String l;
            while ((l = c.readLine()) != null) {
                if (l.toUpperCase(Locale.ROOT).startsWith(verb)) {
                    c.hangUp();
                    return;
                }
                c.line(l.startsWith("RCPT") ? "554 5.7.1 <friend@example.org>: Relay access denied" : "250 2.0.0 Ok");
            }
        })) {
            CheckResult r = run(at(s.port(), Security.NONE, new SmtpAuth.Off()));
            assertThat(r.verdict().code()).as(describe(r)).isNotNull();
            if (!verb.equals("RSET")) {
                assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.UNKNOWN);
                assertThat(r.verdict().evidence()).anyMatch(e -> e.startsWith("DROPPED"));
                assertThat(s.accepted()).as("no retry on a new connection").isEqualTo(1);
            } else {
                // the refusal was heard before the hang-up: it still counts
                assertThat(r.verdict().evidence()).anyMatch(e -> e.contains("Relay access denied"));
            }
        }
    }

    static Stream<Arguments> garbage() {
        return Stream.of(
                Arguments.of("binary greeting", new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, '\r', '\n'}, false),
                Arguments.of("HTTP greeting", "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false),
                Arguments.of("binary EHLO answer", new byte[] {'\u0007', 0, (byte) 0x9c, 'x', '\r', '\n'}, true),
                Arguments.of("text EHLO answer", "Hello there, friend\r\n".getBytes(StandardCharsets.US_ASCII), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbage")
    void garbageIsNotAReply(String name, byte[] junk, boolean afterGreeting) throws IOException {
        try (RawServer s = RawServer.start(c -> {
            if (afterGreeting) {
                c.line("220 mail.demo.test ESMTP");
                c.readLine();
            }
            c.write(junk);
            c.silence();
        })) {
            CheckResult r = run(at(s.port(), Security.NONE, new SmtpAuth.SameAsIncoming()));
            assertThat(r.verdict().code()).as(name + "\n" + describe(r))
                    .isEqualTo(afterGreeting ? VerdictCode.UNKNOWN : VerdictCode.NO_GREETING);
            assertThat(r.verdict().changes()).isEmpty();
        }
    }

    // ---- certificates ------------------------------------------------------------------------------------------

    static Stream<Arguments> badCertificates() {
        return Stream.of(
                Arguments.of(Security.SSL_TLS, false, "not trusted", FindingCode.TLS_CERT_UNTRUSTED),
                Arguments.of(Security.STARTTLS, false, "not trusted", FindingCode.TLS_CERT_UNTRUSTED),
                Arguments.of(Security.SSL_TLS, true, "not issued for " + CheckFixture.OTHER_NAME,
                        FindingCode.TLS_CERT_NAME_MISMATCH),
                Arguments.of(Security.STARTTLS, true, "not issued for " + CheckFixture.OTHER_NAME,
                        FindingCode.TLS_CERT_NAME_MISMATCH));
    }

    /// A self-signed certificate (not trusted here), or a trusted one for another name.
    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badCertificates")
    void badCertificateIsTlsFailedWithItsFacts(Security security, boolean wrongName, String problem, FindingCode finding) {
        try (ScriptedSmtp s = security == Security.SSL_TLS ? ScriptedSmtp.implicitTls(ScriptedSmtp.Server::new)
                : ScriptedSmtp.start(ScriptedSmtp.Server::new)) {
            AccountProfile p = at(s.port(), security, new SmtpAuth.SameAsIncoming());
            CheckOptions options = CheckFixture.options();
            if (wrongName) {
                p = CheckFixture.withHost(p, CheckFixture.OTHER_NAME);
            } else {
                options = new CheckOptions(Optional.empty(), false, false, false, Locale.ENGLISH);
            }
            CheckResult r = CheckFixture.run(p, PASSWORD, options);
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.TLS_FAILED);
            assertThat(r.verdict().evidence()).anyMatch(e -> e.startsWith("certificate: CN=localhost") && e.contains(problem));
            assertThat(r.findings()).anyMatch(f -> f.code() == finding);
            assertThat(r.smtp()).hasValueSatisfying(f -> assertThat(f.tls()).hasValueSatisfying(
                    t -> assertThat(t.subject()).contains("CN=localhost")));
            assertThat(r.transcript()).as("nothing is sent over a connection the user would not trust")
                    .noneMatch(l -> l.text().startsWith("AUTH") || l.text().startsWith("MAIL"));
        }
    }

    // ---- cancel ------------------------------------------------------------------------------------------------

    /// Runs a check on its own thread and cancels it once `ready` says the check is stuck where the test wants.
    private static CheckResult cancelWhen(AccountProfile p, CheckOptions options, java.util.function.BooleanSupplier ready,
            RecordingListener listener) throws InterruptedException {
        AccountCheck check = CheckFixture.check(options);
        AtomicReference<CheckResult> result = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() ->
                result.set(check.run(p, Credentials.of(Secret.of(PASSWORD)), listener)));
        while (!ready.getAsBoolean()) {
            Thread.sleep(20);
        }
        Thread.sleep(300); // well inside the blocking read or connect
        check.cancel();
        t.join(Duration.ofSeconds(30));
        assertThat(t.isAlive()).as("the check returned after cancel").isFalse();
        CheckFixture.assertNoSecret(result.get(), PASSWORD);
        return result.get();
    }

    @Test
    void cancelDuringAHangingReadClosesTheSocketAtOnce() throws Exception {
        Duration longTimeout = Duration.ofSeconds(60);
        try (RawServer s = RawServer.start(RawServer.Conversation::silence)) {
            AccountProfile p = withTimeout(account(s.port(), Security.NONE, new SmtpAuth.SameAsIncoming()), longTimeout);
            RecordingListener listener = new RecordingListener();
            CheckResult r = cancelWhen(p, CheckFixture.options(), () -> s.accepted() == 1, listener);
            assertThat(s.awaitClientClosed(1, Duration.ofSeconds(10))).as("the server saw the client close").isTrue();
            assertThat(r.verdict().code()).isEqualTo(VerdictCode.UNKNOWN);
            StepResult greeting = step(r, "greeting");
            assertThat(greeting.outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(greeting.duration()).as("ended by the cancel, not the time-out").isLessThan(longTimeout.dividedBy(3));
            assertThat(s.accepted()).isEqualTo(1);
        }
    }

    @Test
    void cancelDuringAConnectToAFilteredPort() throws Exception {
        Duration longTimeout = Duration.ofSeconds(60);
        try (RawServer.FilteredPort filtered = new RawServer.FilteredPort()) {
            AccountProfile p = withTimeout(account(filtered.port(), Security.NONE, new SmtpAuth.Off()), longTimeout);
            RecordingListener listener = new RecordingListener();
            CheckResult r = cancelWhen(p, CheckFixture.options(), () -> listener.started.keySet().stream()
                    .anyMatch(id -> id.startsWith("connect.")), listener);
            StepResult connect = step(r, "connect." + filtered.port());
            assertThat(connect.outcome()).as(describe(r)).isEqualTo(Outcome.CANCELLED);
            assertThat(connect.duration()).isLessThan(longTimeout.dividedBy(3));
            assertThat(r.verdict().code()).isEqualTo(VerdictCode.UNKNOWN);
        }
    }

    // ---- a dead server costs one time-out ------------------------------------------------------------------------

    /// Remembers when each step started, to show which ones ran side by side.
    static final class RecordingListener implements CheckListener {
        final Map<String, Instant> started = new ConcurrentHashMap<>();

        @Override
        public void stepStarted(String id, StepKind kind, String title) {
            started.put(id, Instant.now());
        }
    }

    /// The configured port and every other submission port filtered: each is tried once, all at the same time.
    @Test
    void deadHostIsTriedOncePerPortSideBySide() throws Exception {
        try (RawServer.FilteredPort configured = new RawServer.FilteredPort();
                RawServer.FilteredPort a = new RawServer.FilteredPort();
                RawServer.FilteredPort b = new RawServer.FilteredPort()) {
            CheckOptions options = CheckFixture.options().withOtherPorts(true).withSubmissionPorts(List.of(
                    new SubmissionPort(a.port(), Security.STARTTLS), new SubmissionPort(b.port(), Security.SSL_TLS)));
            RecordingListener listener = new RecordingListener();
            CheckResult r = CheckFixture.check(options).run(at(configured.port(), Security.NONE, new SmtpAuth.Off()),
                    Credentials.of(Secret.of(PASSWORD)), listener);
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.UNKNOWN);
            assertThat(r.verdict().alternatives()).contains(VerdictCode.PORT_BLOCKED);
            assertThat(connectionsTo(r, configured.port())).isEqualTo(1);
            List<StepResult> connects = r.steps().stream().filter(s -> s.kind() == StepKind.CONNECT).toList();
            assertThat(connects).hasSize(3).allMatch(s -> s.outcome() == Outcome.FAILED);
            // all three were started before the first one ended: one time-out in all, not one per port
            Instant firstEnd = connects.stream().map(s -> listener.started.get(s.id()).plus(s.duration()))
                    .min(Instant::compareTo).orElseThrow();
            assertThat(connects).allMatch(s -> listener.started.get(s.id()).isBefore(firstEnd));
        }
    }

    @Test
    void portBlockedWhileAnotherPortRelays() throws Exception {
        try (RawServer.FilteredPort configured = new RawServer.FilteredPort();
                ScriptedSmtp other = ScriptedSmtp.start(ScriptedSmtp.Server::new)) {
            CheckOptions options = CheckFixture.options().withOtherPorts(true)
                    .withSubmissionPorts(List.of(new SubmissionPort(other.port(), Security.STARTTLS)));
            CheckResult r = CheckFixture.run(at(configured.port(), Security.NONE, new SmtpAuth.Off()), PASSWORD, options);
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.PORT_BLOCKED);
            assertThat(r.verdict().verified()).isTrue();
            assertThat(r.verdict().changes()).containsExactly(new ProfileChange.OutgoingPort(other.port(), Security.STARTTLS),
                    new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming()));
            assertThat(r.verdict().evidence()).anyMatch(e -> e.startsWith("CONNECT_TIMEOUT"))
                    .anyMatch(e -> e.startsWith("250"));
            assertThat(connectionsTo(r, configured.port())).isEqualTo(1);
        }
    }

    /// A server that stops answering after its first refusal (a tarpit): the check does not spend one
    /// time-out per remaining probe on it.
    @Test
    void serverThatFallsSilentAfterARefusalCostsOneTimeout() throws IOException {
        try (RawServer s = RawServer.start(c -> {
            c.greetAndEhlo();
            c.until("RCPT");
            c.line("554 5.7.1 <friend@example.org>: Relay access denied");
            c.silence();
        })) {
            CheckResult r = run(at(s.port(), Security.NONE, new SmtpAuth.Off()));
            assertThat(r.verdict().evidence()).as(describe(r)).contains("554 5.7.1 <friend@example.org>: Relay access denied");
            long timeouts = r.transcript().stream().filter(l -> l.text().contains("no complete reply in time")).count();
            assertThat(timeouts).as(describe(r)).isLessThanOrEqualTo(1);
        }
    }

    // ---- the password ------------------------------------------------------------------------------------------

    static Stream<Arguments> echoes() {
        return Stream.of(Arguments.of("PLAIN"), Arguments.of("LOGIN"));
    }

    /// A server that quotes what it got back in its refusal: in clear, in base64 and as the PLAIN blob.
    @ParameterizedTest(name = "AUTH {0}")
    @MethodSource("echoes")
    void serverEchoingTheCredentialsLeaksNothing(String mechanism) {
        try (ScriptedSmtp s = ScriptedSmtp.start(() -> new ScriptedSmtp.Server() {
            @Override
            protected String authMechanisms() {
                return mechanism;
            }

            @Override
            public List<String> auth(String m, String user, String password) {
                return List.of("535-5.7.8 Authentication failed for " + user + " with password " + password,
                        "535-5.7.8 base64 " + CheckFixture.b64(password) + " blob "
                                + CheckFixture.b64("\0" + user + "\0" + password),
                        "535 5.7.8 Error: authentication failed");
            }
        })) {
            // run() asserts that no form of the password is in the transcript, steps, verdict, text and JSON
            CheckResult r = run(at(s.port(), Security.STARTTLS, new SmtpAuth.SameAsIncoming()));
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.AUTH_FAILED);
            assertThat(r.verdict().evidence()).anyMatch(e -> e.contains("[redacted]"));
        }
    }
}
