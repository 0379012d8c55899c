package org.relaydoctor.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaydoctor.check.CheckFixture.LOGIN;
import static org.relaydoctor.check.CheckFixture.PASSWORD;
import static org.relaydoctor.check.CheckFixture.account;
import static org.relaydoctor.check.CheckFixture.describe;
import static org.relaydoctor.check.CheckFixture.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaydoctor.demo.DemoIncomingServer;
import org.relaydoctor.diagnosis.FindingCode;
import org.relaydoctor.diagnosis.ProfileChange;
import org.relaydoctor.diagnosis.VerdictCode;
import org.relaydoctor.dns.DnsReport;
import org.relaydoctor.dns.MxRecord;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;

/// One test (or a family of them) per verdict code of `diagnosis.md` that a server's behaviour can produce,
/// through the real check against a scripted in-process server. The refusals are worded like the servers
/// that send them (Exim, Sendmail, qmail, Exchange, Microsoft 365, Gmail, Yandex, Courier, postgrey...), so
/// the engine is shown to read the probe matrix and the codes, not one server's phrases. Each asserts the
/// code, the fix (the profile change and whether a probe verified it) and the evidence lines.
/// `PORT_BLOCKED`, `NO_GREETING` and `TLS_FAILED` on certificates live in {@link HostileServerTest}.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VerdictByServerBehaviourTest {
    private static final ProfileChange TURN_ON_AUTH = new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming());

    /// Refuses MAIL or RCPT with `refusal` until the client has logged in.
    static final class RelayAfterLogin extends ScriptedSmtp.Server {
        private final boolean atMail;
        private final List<String> refusal;

        RelayAfterLogin(boolean atMail, List<String> refusal) {
            this.atMail = atMail;
            this.refusal = refusal;
        }

        @Override
        public List<String> mail(String address) {
            return atMail && !loggedIn() ? refusal : super.mail(address);
        }

        @Override
        public List<String> rcpt(String address) {
            return !atMail && !loggedIn() && !isLocal(address) ? refusal : super.rcpt(address);
        }
    }

    // ---- OK ---------------------------------------------------------------------------------------------------

    @Test
    void ok() {
        try (ScriptedSmtp s = ScriptedSmtp.start(() -> new ScriptedSmtp.Server() {
            @Override
            public List<String> rcpt(String address) {
                return loggedIn() ? List.of("250 2.1.5 Recipient OK") : super.rcpt(address);
            }
        })) {
            CheckResult r = run(account(s.port(), Security.STARTTLS, new SmtpAuth.SameAsIncoming()));
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.OK);
            assertThat(r.verdict().verified()).isTrue();
            assertThat(r.verdict().changes()).isEmpty();
            assertThat(r.verdict().evidence()).contains("250 2.1.5 Recipient OK");
            assertThat(r.findings()).noneMatch(f -> f.code() == FindingCode.OPEN_RELAY);
        }
    }

    // ---- AUTH_REQUIRED ------------------------------------------------------------------------------------------

    static Stream<Arguments> authRequiredFamilies() {
        return Stream.of(
                Arguments.of("Exim", false, List.of("550 relay not permitted")),
                Arguments.of("Sendmail", false,
                        List.of("550 5.7.1 <friend@example.org>... Relaying denied. Proper authentication required.")),
                Arguments.of("qmail with SMTP AUTH", false,
                        List.of("553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)")),
                Arguments.of("Exchange", false,
                        List.of("550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain")),
                Arguments.of("Courier", false, List.of("513 Relaying denied.")),
                Arguments.of("Microsoft 365", true, List.of("530 5.7.57 Client not authenticated to send mail. "
                        + "[AM0PR01CA0001.eurprd01.prod.exchangelabs.com 2026-11-29T01:00:00.000Z]")),
                Arguments.of("Gmail", true, List.of("530-5.7.0 Authentication Required. For more information, go to",
                        "530 5.7.0  https://support.google.com/mail/?p=WantAuthError a1sm123456ljb.1 - gsmtp")),
                Arguments.of("Yandex", true, List.of("553 5.7.1 Sender address rejected: not logged in")),
                Arguments.of("hMailServer", true, List.of("530 SMTP authentication is required.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authRequiredFamilies")
    void authRequired(String family, boolean atMail, List<String> refusal) {
        try (ScriptedSmtp s = ScriptedSmtp.start(() -> new RelayAfterLogin(atMail, refusal))) {
            CheckResult r = run(account(s.port(), Security.STARTTLS, new SmtpAuth.Off()));
            assertThat(r.verdict().code()).as(family + "\n" + describe(r)).isEqualTo(VerdictCode.AUTH_REQUIRED);
            assertThat(r.verdict().verified()).as("a login probe proved it").isTrue();
            assertThat(r.verdict().changes()).containsExactly(TURN_ON_AUTH);
            assertThat(r.verdict().evidence()).contains(refusal.getLast()).anyMatch(e -> e.startsWith("250"));
        }
    }

    /// Exchange's submission port: AUTH only inside TLS, "5.7.54 ... non-accepted domain" for a client that did not
    /// log on, local mail taken. The program connects to it (any port but 25) without encryption and without a
    /// password stored, so no probe can log on: the port and the missing login make it AUTH_REQUIRED, with
    /// STARTTLS, not the network reading the words alone would give.
    @Test
    void exchangeNonAcceptedDomainOnASubmissionPortWithoutLoginIsAuthRequired() {
        String refusal = "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain";
        try (ScriptedSmtp s = ScriptedSmtp.start(() -> new ScriptedSmtp.Server() {
            @Override
            protected String authMechanisms() {
                return tls ? "LOGIN" : "";
            }

            @Override
            public List<String> rcpt(String address) {
                return !loggedIn() && !isLocal(address) ? List.of(refusal) : super.rcpt(address);
            }
        })) {
            AccountProfile p = account(s.port(), Security.NONE, new SmtpAuth.Off());
            CheckResult r = CheckFixture.check(CheckFixture.options()).run(p, Credentials.none(), CheckListener.NONE);
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.AUTH_REQUIRED);
            assertThat(r.verdict().verified()).as("no password, no login probe").isFalse();
            assertThat(r.verdict().changes()).containsExactly(
                    new ProfileChange.OutgoingPort(s.port(), Security.STARTTLS), TURN_ON_AUTH);
            assertThat(r.verdict().alternatives()).contains(VerdictCode.NETWORK_RESTRICTED);
            assertThat(r.verdict().evidence()).contains(refusal);
        }
    }

    // ---- POP_BEFORE_SMTP ----------------------------------------------------------------------------------------

    /// No SMTP AUTH; relays for an address for a while after it logged on to the incoming server.
    static final class RelayAfterIncomingLogin extends ScriptedSmtp.Server {
        private final Map<String, Instant> grants;
        private final String refusal;

        RelayAfterIncomingLogin(Map<String, Instant> grants, String refusal) {
            this.grants = grants;
            this.refusal = refusal;
        }

        @Override
        protected String authMechanisms() {
            return "";
        }

        @Override
        public List<String> rcpt(String address) {
            Instant until = grants.get(client());
            return isLocal(address) || until != null && Instant.now().isBefore(until) ? List.of("250 ok")
                    : List.of(refusal);
        }
    }

    static Stream<Arguments> popBeforeSmtpFamilies() {
        return Stream.of(
                Arguments.of(MailProtocol.POP3, "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)"),
                Arguments.of(MailProtocol.IMAP, "550 5.7.1 <friend@example.org>... Relaying denied"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("popBeforeSmtpFamilies")
    void popBeforeSmtp(MailProtocol protocol, String refusal) throws IOException {
        Map<String, Instant> grants = new ConcurrentHashMap<>();
        try (DemoIncomingServer incoming = new DemoIncomingServer(protocol, Map.of(LOGIN, PASSWORD),
                a -> grants.put(a, Instant.now().plusSeconds(120)));
                ScriptedSmtp s = ScriptedSmtp.withoutTls(() -> new RelayAfterIncomingLogin(grants, refusal))) {
            AccountProfile p = CheckFixture.withIncoming(account(s.port(), Security.NONE, new SmtpAuth.Off()),
                    protocol, incoming.port());
            CheckResult r = run(p);
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.POP_BEFORE_SMTP);
            assertThat(r.verdict().verified()).isTrue();
            assertThat(r.verdict().changes()).containsExactly(new ProfileChange.LogOnToIncomingFirst());
            assertThat(r.verdict().evidence()).contains(refusal).anyMatch(e -> e.contains("OK Logged in"))
                    .anyMatch(e -> e.startsWith("250"));
        }
    }

    /// The same with a Cyrillic password: the probe's POP3 `PASS` and IMAP `LOGIN` carry it as UTF-8, which is how
    /// the demo server (like Dovecot) reads it; a wrong keyboard layout's password logs on nowhere.
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MailProtocol.class, names = {"POP3", "IMAP"})
    void popBeforeSmtpWithACyrillicPassword(MailProtocol protocol) throws IOException {
        Map<String, Instant> grants = new ConcurrentHashMap<>();
        String password = CheckFixture.CYRILLIC_PASSWORD;
        try (DemoIncomingServer incoming = new DemoIncomingServer(protocol, Map.of(LOGIN, password),
                a -> grants.put(a, Instant.now().plusSeconds(120)));
                ScriptedSmtp s = ScriptedSmtp.withoutTls(
                        () -> new RelayAfterIncomingLogin(grants, "554 5.7.1 Relaying denied"))) {
            AccountProfile p = CheckFixture.withIncoming(account(s.port(), Security.NONE, new SmtpAuth.Off()),
                    protocol, incoming.port());
            CheckResult r = run(p, password, CheckFixture.options());
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.POP_BEFORE_SMTP);
            assertThat(r.verdict().verified()).isTrue();
            assertThat(r.verdict().evidence()).anyMatch(e -> e.contains("OK Logged in"));
            grants.clear();
            CheckResult on = run(p.withLogOnToIncomingFirst(true), password, CheckFixture.options());
            assertThat(on.verdict().code()).as(describe(on)).isEqualTo(VerdictCode.OK);
            grants.clear();
            // "Е" for "Ё": the diaeresis lost
            CheckResult wrong = run(p.withLogOnToIncomingFirst(true), password.replace('Ё', 'Е'), CheckFixture.options());
            assertThat(wrong.verdict().code()).as(describe(wrong)).isNotEqualTo(VerdictCode.OK);
            assertThat(grants).isEmpty();
        }
    }

    // ---- NETWORK_RESTRICTED -------------------------------------------------------------------------------------

    static Stream<Arguments> networkRestrictedFamilies() {
        return Stream.of(
                Arguments.of("Microsoft 365 connector", "550 5.7.64 TenantAttribution; Relay Access Denied"),
                Arguments.of("Exim relay_from_hosts", "550 relay not permitted"),
                Arguments.of("Postfix mynetworks", "554 5.7.1 <friend@example.org>: Relay access denied"));
    }

    /// Logging on works, but the server relays only for its own networks; local mail is taken.
    @ParameterizedTest(name = "{0}")
    @MethodSource("networkRestrictedFamilies")
    void networkRestricted(String family, String refusal) {
        try (ScriptedSmtp s = ScriptedSmtp.start(() -> new ScriptedSmtp.Server() {
            @Override
            public List<String> rcpt(String address) {
                return isLocal(address) ? List.of("250 2.1.5 Ok") : List.of(refusal);
            }
        })) {
            CheckResult r = run(account(s.port(), Security.STARTTLS, new SmtpAuth.Off()));
            assertThat(r.verdict().code()).as(family + "\n" + describe(r)).isEqualTo(VerdictCode.NETWORK_RESTRICTED);
            assertThat(r.verdict().verified()).isFalse();
            assertThat(r.verdict().changes()).as("advice only: no setting fixes it").isEmpty();
            assertThat(r.verdict().evidence()).contains(refusal);
        }
    }

    // ---- SENDER_NOT_LOCAL ---------------------------------------------------------------------------------------

    static Stream<Arguments> senderNotLocalFamilies() {
        return Stream.of(
                Arguments.of("seed article", true, "550 not local sender over smtp"),
                Arguments.of("Postfix", true, "553 5.7.1 <alice@elsewhere.example>: Sender address rejected: not local sender"),
                Arguments.of("Postfix at RCPT", false,
                        "553 5.7.1 <alice@elsewhere.example>: Sender address rejected: not local sender"));
    }

    /// No AUTH; mail from its own domain only.
    @ParameterizedTest(name = "{0}")
    @MethodSource("senderNotLocalFamilies")
    void senderNotLocal(String family, boolean atMail, String refusal) {
        try (ScriptedSmtp s = ScriptedSmtp.withoutTls(() -> new ScriptedSmtp.Server() {
            @Override
            protected String authMechanisms() {
                return "";
            }

            @Override
            public List<String> mail(String address) {
                return atMail && !isLocal(address) ? List.of(refusal) : super.mail(address);
            }

            @Override
            public List<String> rcpt(String address) {
                return isLocal(sender) ? List.of("250 2.1.5 Ok") : List.of(refusal);
            }
        })) {
            CheckResult r = run(account(s.port(), Security.NONE, new SmtpAuth.Off()).withEmail("alice@elsewhere.example"));
            assertThat(r.verdict().code()).as(family + "\n" + describe(r)).isEqualTo(VerdictCode.SENDER_NOT_LOCAL);
            assertThat(r.verdict().verified()).isTrue();
            assertThat(r.verdict().evidence()).contains(refusal).anyMatch(e -> e.startsWith("250"));
        }
    }

    // ---- SENDER_NOT_OWNED ---------------------------------------------------------------------------------------

    static Stream<Arguments> senderNotOwnedFamilies() {
        return Stream.of(
                Arguments.of("Microsoft 365", "550 5.7.60 SMTP; Client does not have permissions to send as this sender"),
                Arguments.of("Yandex", "553 5.7.1 Sender address rejected: not owned by auth user."),
                Arguments.of("Postfix", "553 5.7.1 <boss@demo.test>: Sender address rejected: not owned by user "
                        + LOGIN));
    }

    /// After login, only the login's own address may be the sender.
    @ParameterizedTest(name = "{0}")
    @MethodSource("senderNotOwnedFamilies")
    void senderNotOwned(String family, String refusal) {
        try (ScriptedSmtp s = ScriptedSmtp.start(() -> new ScriptedSmtp.Server() {
            @Override
            public List<String> rcpt(String address) {
                if (loggedIn() && !sender.equalsIgnoreCase(authenticatedUser)) {
                    return List.of(refusal);
                }
                return super.rcpt(address);
            }
        })) {
            CheckResult r = run(account(s.port(), Security.STARTTLS, new SmtpAuth.SameAsIncoming())
                    .withEmail("boss@demo.test"));
            assertThat(r.verdict().code()).as(family + "\n" + describe(r)).isEqualTo(VerdictCode.SENDER_NOT_OWNED);
            assertThat(r.verdict().verified()).isTrue();
            assertThat(r.verdict().evidence()).contains(refusal).anyMatch(e -> e.startsWith("250"));
        }
    }

    // ---- SENDER_UNKNOWN -----------------------------------------------------------------------------------------

    static Stream<Arguments> senderUnknownFamilies() {
        return Stream.of(
                Arguments.of("qmail badmailfrom", true, List.of("553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)")),
                Arguments.of("Exim sender verify", false, List.of("550-Verification failed for <alice@demo.test>",
                        "550-Unrouteable address", "550 Sender verify failed")),
                Arguments.of("Microsoft 365", true, List.of("550 5.1.8 Access denied, bad outbound sender")),
                Arguments.of("Postfix unknown sender domain", true,
                        List.of("450 4.1.8 <alice@demo.test>: Sender address rejected: Domain not found")));
    }

    /// Even logged on, the entered address is refused as a sender; another address of the domain is not.
    @ParameterizedTest(name = "{0}")
    @MethodSource("senderUnknownFamilies")
    void senderUnknown(String family, boolean atMail, List<String> refusal) {
        try (ScriptedSmtp s = ScriptedSmtp.start(() -> new ScriptedSmtp.Server() {
            @Override
            public List<String> mail(String address) {
                return atMail && address.equalsIgnoreCase(LOGIN) ? refusal : super.mail(address);
            }

            @Override
            public List<String> rcpt(String address) {
                return !atMail && LOGIN.equalsIgnoreCase(sender) ? refusal : super.rcpt(address);
            }
        })) {
            CheckResult r = run(account(s.port(), Security.STARTTLS, new SmtpAuth.SameAsIncoming()));
            assertThat(r.verdict().code()).as(family + "\n" + describe(r)).isEqualTo(VerdictCode.SENDER_UNKNOWN);
            assertThat(r.verdict().evidence()).contains(refusal.getLast());
        }
    }

    // ---- NULL_SENDER_REJECTED -----------------------------------------------------------------------------------

    @Test
    void nullSenderRejected() {
        String refusal = "553 Requested action not taken: NULL sender is not allowed";
        try (ScriptedSmtp s = ScriptedSmtp.start(() -> new ScriptedSmtp.Server() {
            @Override
            public List<String> mail(String address) {
                return address.isEmpty() ? List.of(refusal) : super.mail(address);
            }
        })) {
            CheckResult r = run(account(s.port(), Security.STARTTLS, new SmtpAuth.SameAsIncoming()));
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.NULL_SENDER_REJECTED);
            assertThat(r.verdict().changes()).as("the program's settings are not at fault").isEmpty();
            assertThat(r.verdict().evidence()).contains(refusal);
        }
    }

    // ---- RECIPIENT_NOT_LOCAL ------------------------------------------------------------------------------------

    static Stream<Arguments> inboundOnlyFamilies() {
        return Stream.of(
                Arguments.of("qmail", "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)"),
                Arguments.of("seed article", "550 5.7.1 Policy rejection on the target address: friend@example.org"),
                Arguments.of("Exim MX", "550 relay not permitted"),
                Arguments.of("Postfix MX", "554 5.7.1 <friend@example.org>: Relay access denied"));
    }

    /// An MX: mail for its own domain only (refusing the rest with `refusal`), no AUTH; without STARTTLS when
    /// started with {@link ScriptedSmtp#withoutTls}.
    static final class InboundOnly extends ScriptedSmtp.Server {
        private final String refusal;

        InboundOnly(String refusal) {
            this.refusal = refusal;
        }

        @Override
        protected String authMechanisms() {
            return "";
        }

        @Override
        public List<String> rcpt(String address) {
            return isLocal(address) ? List.of("250 2.1.5 Ok") : List.of(refusal);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inboundOnlyFamilies")
    void recipientNotLocal(String family, String refusal) {
        try (ScriptedSmtp s = ScriptedSmtp.withoutTls(() -> new InboundOnly(refusal))) {
            CheckResult r = run(account(s.port(), Security.NONE, new SmtpAuth.Off()));
            assertThat(r.verdict().code()).as(family + "\n" + describe(r)).isEqualTo(VerdictCode.RECIPIENT_NOT_LOCAL);
            assertThat(r.verdict().evidence()).contains(refusal).anyMatch(e -> e.startsWith("250"));
        }
    }

    /// No AUTH, local mail taken, relay refused in Postfix's words: DNS decides between "an incoming-only MX" and
    /// "relays only for its networks" by the MX host's name. Another name of the same machine (same address) is
    /// not the MX: small hosts run the MX and the submission server on one box.
    @ParameterizedTest(name = "MX {0}")
    @CsvSource({"localhost, RECIPIENT_NOT_LOCAL", "mx1.hosting.test, NETWORK_RESTRICTED"})
    void theDomainsMxIsRecognisedByItsName(String mxHost, VerdictCode expected) {
        String refusal = "554 5.7.1 <friend@example.org>: Relay access denied";
        try (ScriptedSmtp s = ScriptedSmtp.withoutTls(() -> new InboundOnly(refusal))) {
            AccountProfile p = account(s.port(), Security.NONE, new SmtpAuth.Off());
            DnsStep dns = (profile, options) -> Optional.of(new DnsReport(profile.emailDomain(),
                    List.of(new MxRecord(10, mxHost, Optional.empty(), List.of("127.0.0.1"), Optional.empty())),
                    List.of()));
            CheckResult r = new AccountCheck(CheckFixture.options(), CheckFixture.RESOLVER, dns)
                    .run(p, Credentials.of(Secret.of(PASSWORD)), CheckListener.NONE);
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(expected);
            assertThat(r.verdict().evidence()).contains(refusal);
        }
    }

    // ---- CLIENT_BLOCKED_DYNAMIC / CLIENT_BLOCKED ----------------------------------------------------------------

    /// Refuses with `text` (may name the client with `%s`) at the greeting, at MAIL or at RCPT.
    static final class ClientRefusal extends ScriptedSmtp.Server {
        private final String where;
        private final String text;

        ClientRefusal(String where, String text) {
            this.where = where;
            this.text = text;
        }

        @Override
        public String greeting() {
            return where.equals("greeting") ? text.formatted(client()) : super.greeting();
        }

        @Override
        public List<String> mail(String address) {
            return where.equals("mail") ? List.of(text.formatted(client())) : super.mail(address);
        }

        @Override
        public List<String> rcpt(String address) {
            return where.equals("rcpt") ? List.of(text.formatted(client())) : super.rcpt(address);
        }
    }

    static Stream<Arguments> clientBlocks() {
        return Stream.of(
                Arguments.of(VerdictCode.CLIENT_BLOCKED_DYNAMIC, "greeting", "554 5.7.1 Service unavailable; Client host "
                        + "[%1$s] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/%1$s"),
                Arguments.of(VerdictCode.CLIENT_BLOCKED_DYNAMIC, "rcpt", "550 5.7.1 [%s] The IP you're using to send mail "
                        + "is not authorized to send email directly to our servers. Please use the SMTP relay at your "
                        + "service provider instead."),
                Arguments.of(VerdictCode.CLIENT_BLOCKED_DYNAMIC, "mail", "550 5.7.1 Mail from dynamic IP %s refused, "
                        + "use your provider's relay"),
                Arguments.of(VerdictCode.CLIENT_BLOCKED, "greeting", "550 5.7.708 Service unavailable. Access denied, "
                        + "traffic not accepted from this IP."),
                Arguments.of(VerdictCode.CLIENT_BLOCKED, "rcpt",
                        "554 5.7.1 <unknown[%s]>: Client host rejected: Access denied"),
                Arguments.of(VerdictCode.CLIENT_BLOCKED, "rcpt",
                        "450 4.7.25 Client host rejected: cannot find your hostname, [%s]"),
                Arguments.of(VerdictCode.CLIENT_BLOCKED, "mail", "550 5.7.1 Rejected: %s listed at bl.spamcop.net"));
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @MethodSource("clientBlocks")
    void clientBlocked(VerdictCode expected, String where, String text) {
        try (ScriptedSmtp s = ScriptedSmtp.start(() -> new ClientRefusal(where, text))) {
            CheckResult r = run(account(s.port(), Security.STARTTLS, new SmtpAuth.SameAsIncoming()));
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(expected);
            assertThat(r.verdict().changes()).isEmpty();
            assertThat(r.verdict().evidence()).contains(text.formatted("127.0.0.1"));
        }
    }

    // ---- TLS_REQUIRED -------------------------------------------------------------------------------------------

    static Stream<Arguments> tlsRequiredFamilies() {
        return Stream.of(
                Arguments.of("Postfix", "mail", "530 5.7.0 Must issue a STARTTLS command first"),
                Arguments.of("Yandex", "mail", "530 5.7.7 Email sending without SSL/TLS encryption is not allowed. "
                        + "Please see: https://yandex.ru/support/mail/mail-clients/ssl.html"),
                Arguments.of("Exchange", "mail", "451 5.7.3 STARTTLS is required to send mail"),
                Arguments.of("Cyrus SASL / Postfix", "auth", "538 5.7.11 Encryption required for requested authentication mechanism"));
    }

    /// Refuses (at AUTH or MAIL) until STARTTLS; relays after login over TLS.
    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("tlsRequiredFamilies")
    void tlsRequired(String family, String where, String refusal) {
        try (ScriptedSmtp s = ScriptedSmtp.start(() -> new ScriptedSmtp.Server() {
            @Override
            public List<String> auth(String mechanism, String user, String password) {
                return where.equals("auth") && !tls ? List.of(refusal) : super.auth(mechanism, user, password);
            }

            @Override
            public List<String> mail(String address) {
                return where.equals("mail") && !tls ? List.of(refusal) : super.mail(address);
            }
        })) {
            CheckResult r = run(account(s.port(), Security.NONE, new SmtpAuth.SameAsIncoming()));
            assertThat(r.verdict().code()).as(family + "\n" + describe(r)).isEqualTo(VerdictCode.TLS_REQUIRED);
            assertThat(r.verdict().verified()).isTrue();
            assertThat(r.verdict().changes()).containsExactly(new ProfileChange.OutgoingPort(s.port(), Security.STARTTLS));
            assertThat(r.verdict().evidence()).contains(refusal).anyMatch(e -> e.startsWith("250"));
        }
    }

    /// Postfix with `smtpd_tls_auth_only`: no AUTH before STARTTLS, MAIL refused until STARTTLS, and a certificate
    /// the machine does not trust, so the login over TLS is never tried. The server's own words still name the cause.
    @Test
    void tlsRequiredWithAnUntrustedCertificate() {
        String refusal = "530 5.7.0 Must issue a STARTTLS command first";
        try (ScriptedSmtp s = ScriptedSmtp.start(() -> new ScriptedSmtp.Server() {
            @Override
            protected String authMechanisms() {
                return tls ? super.authMechanisms() : "";
            }

            @Override
            public List<String> mail(String address) {
                return tls ? super.mail(address) : List.of(refusal);
            }
        })) {
            CheckOptions untrusting = new CheckOptions(Optional.empty(), false, false, false, Locale.ENGLISH);
            CheckResult r = run(account(s.port(), Security.NONE, new SmtpAuth.SameAsIncoming()), CheckFixture.PASSWORD,
                    untrusting);
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.TLS_REQUIRED);
            assertThat(r.verdict().verified()).as("the login over TLS was not tried").isFalse();
            assertThat(r.verdict().changes()).containsExactly(new ProfileChange.OutgoingPort(s.port(), Security.STARTTLS));
            assertThat(r.verdict().evidence()).contains(refusal);
            assertThat(r.findings()).anyMatch(f -> f.code() == FindingCode.TLS_CERT_UNTRUSTED);
            assertThat(r.transcript()).noneMatch(l -> l.text().startsWith("AUTH"));
        }
    }

    // ---- TLS_FAILED (the port/encryption pair) -----------------------------------------------------------------

    /// SSL/TLS set up for a port that speaks plain SMTP: the handshake fails; the same port greets in plain.
    @Test
    void tlsFailedOnPlainPort() {
        try (ScriptedSmtp s = ScriptedSmtp.start(ScriptedSmtp.Server::new)) {
            CheckResult r = run(account(s.port(), Security.SSL_TLS, new SmtpAuth.SameAsIncoming()));
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.TLS_FAILED);
            assertThat(r.verdict().changes()).containsExactly(new ProfileChange.OutgoingPort(s.port(), Security.STARTTLS));
            assertThat(r.verdict().evidence()).anyMatch(e -> e.startsWith("TLS_FAILED"));
        }
    }

    // ---- AUTH_FAILED ------------------------------------------------------------------------------------------

    static Stream<Arguments> authFailedFamilies() {
        return Stream.of(
                Arguments.of("Postfix / Dovecot", List.of("535 5.7.8 Error: authentication failed: authentication failure")),
                Arguments.of("Exim", List.of("535 Incorrect authentication data")),
                Arguments.of("Microsoft 365", List.of("535 5.7.3 Authentication unsuccessful")),
                Arguments.of("Gmail", List.of("535-5.7.8 Username and Password not accepted. For more information, go to",
                        "535 5.7.8  https://support.google.com/mail/?p=BadCredentials a1sm123456ljb.1 - gsmtp")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authFailedFamilies")
    void authFailed(String family, List<String> refusal) {
        try (ScriptedSmtp s = ScriptedSmtp.start(() -> new ScriptedSmtp.Server() {
            @Override
            public List<String> auth(String mechanism, String user, String password) {
                return checkPassword(user, password) ? super.auth(mechanism, user, password) : refusal;
            }
        })) {
            CheckResult r = run(account(s.port(), Security.STARTTLS, new SmtpAuth.SameAsIncoming()),
                    CheckFixture.WRONG_PASSWORD, CheckFixture.options());
            assertThat(r.verdict().code()).as(family + "\n" + describe(r)).isEqualTo(VerdictCode.AUTH_FAILED);
            assertThat(r.verdict().evidence()).contains(refusal.getLast());
        }
    }

    // ---- AUTH_UNAVAILABLE ---------------------------------------------------------------------------------------

    static Stream<Arguments> authUnavailableFamilies() {
        return Stream.of(
                Arguments.of("no AUTH in EHLO", null),
                Arguments.of("Microsoft 365 tenant", "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication "
                        + "is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information."),
                Arguments.of("Postfix", "503 5.5.1 Error: authentication not enabled"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authUnavailableFamilies")
    void authUnavailable(String family, String refusal) {
        try (ScriptedSmtp s = ScriptedSmtp.start(() -> new ScriptedSmtp.Server() {
            @Override
            protected String authMechanisms() {
                return refusal == null ? "" : "PLAIN LOGIN";
            }

            @Override
            public List<String> auth(String mechanism, String user, String password) {
                return List.of(refusal);
            }
        })) {
            CheckResult r = run(account(s.port(), Security.STARTTLS, new SmtpAuth.SameAsIncoming()));
            assertThat(r.verdict().code()).as(family + "\n" + describe(r)).isEqualTo(VerdictCode.AUTH_UNAVAILABLE);
            if (refusal == null) {
                assertThat(r.verdict().evidence()).as("the EHLO list without AUTH").anyMatch(e -> e.contains("PIPELINING"));
            } else {
                assertThat(r.verdict().evidence()).contains(refusal);
            }
        }
    }

    // ---- CONNECTION_REFUSED / HOST_NOT_FOUND ------------------------------------------------------------------

    @Test
    void connectionRefused() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            closed = s.getLocalPort();
        }
        try (ScriptedSmtp other = ScriptedSmtp.start(ScriptedSmtp.Server::new)) {
            CheckOptions options = CheckFixture.options().withOtherPorts(true)
                    .withSubmissionPorts(List.of(new SubmissionPort(other.port(), Security.STARTTLS)));
            CheckResult r = run(account(closed, Security.NONE, new SmtpAuth.Off()), PASSWORD, options);
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.CONNECTION_REFUSED);
            assertThat(r.verdict().evidence()).anyMatch(e -> e.startsWith("CONNECTION_REFUSED"));
            assertThat(r.verdict().verified()).as("the other port relays after login").isTrue();
            assertThat(r.verdict().changes()).containsExactly(
                    new ProfileChange.OutgoingPort(other.port(), Security.STARTTLS), TURN_ON_AUTH);
        }
    }

    @Test
    void hostNotFound() {
        CheckResult r = run(CheckFixture.withHost(account(587, Security.STARTTLS, new SmtpAuth.Off()),
                "smtp.no-such-provider.invalid"));
        assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.HOST_NOT_FOUND);
        assertThat(r.verdict().evidence()).anyMatch(e -> e.contains("smtp.no-such-provider.invalid"));
        assertThat(r.transcript()).noneMatch(l -> l.text().startsWith("connecting"));
    }

    // ---- RECIPIENT_UNKNOWN --------------------------------------------------------------------------------------

    static Stream<Arguments> recipientUnknownFamilies() {
        return Stream.of(
                Arguments.of("Exchange", List.of("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP "
                        + "address lookup")),
                Arguments.of("Gmail", List.of("550-5.1.1 The email account that you tried to reach does not exist. Please try",
                        "550 5.1.1 double-checking the recipient's email address for typos or unnecessary spaces. - gsmtp")),
                Arguments.of("Exim", List.of("550 Unrouteable address")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipientUnknownFamilies")
    void recipientUnknown(String family, List<String> refusal) {
        try (ScriptedSmtp s = ScriptedSmtp.start(() -> new ScriptedSmtp.Server() {
            @Override
            public List<String> rcpt(String address) {
                return loggedIn() && address.startsWith("nobody@") ? refusal : super.rcpt(address);
            }
        })) {
            CheckResult r = run(CheckFixture.withRecipient(account(s.port(), Security.STARTTLS,
                    new SmtpAuth.SameAsIncoming()), "nobody@example.org"));
            assertThat(r.verdict().code()).as(family + "\n" + describe(r)).isEqualTo(VerdictCode.RECIPIENT_UNKNOWN);
            assertThat(r.verdict().evidence()).contains(refusal.getLast());
        }
    }

    // ---- RATE_LIMITED -----------------------------------------------------------------------------------------

    static Stream<Arguments> rateLimits() {
        return Stream.of(
                Arguments.of("greylisting", "rcpt", "450 4.7.1 <friend@example.org>: Recipient address rejected: "
                        + "Greylisted for 300 seconds"),
                Arguments.of("postgrey", "rcpt", "450 4.2.0 <friend@example.org>: Recipient address rejected: "
                        + "Greylisted, see http://postgrey.schweikert.ch/help/demo.test.html"),
                Arguments.of("Postfix connection limit", "greeting",
                        "421 4.7.0 mail.demo.test Error: too many connections from %s"),
                Arguments.of("Gmail", "mail", "421 4.7.0 Try again later, closing connection. (MAIL) a1sm1ljb.1 - gsmtp"),
                Arguments.of("Postfix message rate limit", "mail", "450 4.7.1 Error: too much mail from %s"),
                Arguments.of("Exchange throttling", "rcpt",
                        "452 4.5.3 Too many recipients; message throttled, try again later"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rateLimits")
    void rateLimited(String family, String where, String text) {
        try (ScriptedSmtp s = ScriptedSmtp.start(() -> new ClientRefusal(where, text))) {
            CheckResult r = run(account(s.port(), Security.STARTTLS, new SmtpAuth.SameAsIncoming()));
            assertThat(r.verdict().code()).as(family + "\n" + describe(r)).isEqualTo(VerdictCode.RATE_LIMITED);
            assertThat(r.verdict().evidence()).contains(text.formatted("127.0.0.1"));
        }
    }

    // ---- UNKNOWN ------------------------------------------------------------------------------------------------

    /// Logged on, every recipient refused with words about content: nothing the probes can pin down.
    @Test
    void unknownWhenNothingExplainsIt() {
        String refusal = "554 5.7.1 Message rejected under suspicion of SPAM";
        try (ScriptedSmtp s = ScriptedSmtp.start(() -> new ScriptedSmtp.Server() {
            @Override
            public List<String> rcpt(String address) {
                return List.of(refusal);
            }
        })) {
            CheckResult r = run(account(s.port(), Security.STARTTLS, new SmtpAuth.SameAsIncoming()));
            assertThat(r.verdict().code()).as(describe(r)).isEqualTo(VerdictCode.UNKNOWN);
            assertThat(r.verdict().verified()).isFalse();
            assertThat(r.verdict().evidence()).contains(refusal);
        }
    }
}
