package org.relaydoctor.demo;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.relaydoctor.check.AccountCheck;
import org.relaydoctor.check.CheckOptions;
import org.relaydoctor.check.DnsStep;
import org.relaydoctor.check.HostResolver;
import org.relaydoctor.diagnosis.VerdictCode;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;

/// A running set of in-process demo mail servers on 127.0.0.1, one SMTP server per scenario plus one POP3
/// server, each behaving like one restriction of `diagnosis.md`. Nothing is ever delivered or stored.
public final class DemoServers implements Closeable {
    /// The demo account's login and password (demo values, printed in the docs; not secrets).
    public static final String LOGIN = "alice@" + SmtpHandler.DOMAIN;
    public static final String PASSWORD = "demo-Passw0rd";
    /// A recipient outside the demo domain.
    public static final String RECIPIENT = "friend@example.org";
    /// How long a POP3 login lets an address relay in the POP-before-SMTP scenario.
    static final Duration POP_GRANT = Duration.ofMinutes(2);

    private final DemoTls tls = DemoTls.load();
    private final List<Closeable> servers = new ArrayList<>();
    private final List<DemoScenario> scenarios = new ArrayList<>();
    private final Map<String, Instant> popGrants = new ConcurrentHashMap<>();
    private DemoIncomingServer pop3;
    private DemoDns dns;

    private DemoServers() {}

    /// Starts every scenario's server; close the result to stop them.
    public static DemoServers start() {
        DemoServers d = new DemoServers();
        try {
            d.startAll();
        } catch (IOException e) {
            d.close();
            throw new UncheckedIOException("Cannot start the demo servers on 127.0.0.1", e);
        }
        return d;
    }

    public List<DemoScenario> scenarios() {
        return List.copyOf(scenarios);
    }

    public Optional<DemoScenario> scenario(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /// The TLS identity of the servers: a demo check trusts exactly its certificate.
    public DemoTls tls() {
        return tls;
    }

    /// Options for checking a scenario: the demo certificate trusted, no other ports (they are not the demo's), and
    /// every DNS question asked of the demo's own DNS server.
    public CheckOptions checkOptions(Locale locale) {
        return new CheckOptions(Optional.of(dns.address()), false, false, false, locale)
                .withExtraTrust(List.of(tls.certificate()));
    }

    /// A check of the demo scenarios with its DNS facts, all answered by the demo's DNS server.
    public AccountCheck newCheck(Locale locale) {
        CheckOptions options = checkOptions(locale);
        return new AccountCheck(options, HostResolver.of(options.dnsServer()), DnsStep.live());
    }

    /// The demo's DNS server as `--dns-server` takes it, for checks of the demo servers from the command line.
    public String dnsServer() {
        return dns.hostAndPort();
    }

    public int pop3Port() {
        return pop3.port();
    }

    private void startAll() throws IOException {
        dns = DemoDns.start();
        servers.add(dns);
        pop3 = new DemoIncomingServer(MailProtocol.POP3, Map.of(LOGIN, PASSWORD),
                address -> popGrants.put(address, Instant.now().plus(POP_GRANT)));
        servers.add(pop3);

        add("ok", AuthRequired::new, VerdictCode.OK, p -> p.withSmtpAuth(new SmtpAuth.SameAsIncoming()), Security.STARTTLS);
        add("auth-required", AuthRequired::new, VerdictCode.AUTH_REQUIRED, p -> p, Security.STARTTLS);
        add("pop-before-smtp", () -> new PopBeforeSmtp(popGrants), VerdictCode.POP_BEFORE_SMTP, p -> p, Security.NONE);
        add("sender-not-local", NotLocalSender::new, VerdictCode.SENDER_NOT_LOCAL,
                p -> p.withEmail("alice@elsewhere.example"), Security.NONE);
        // the outgoing server entered is the domain's MX, as the demo's DNS says
        add("inbound-only-mx", InboundOnlyMx::new, VerdictCode.RECIPIENT_NOT_LOCAL,
                p -> p.withOutgoing(new OutgoingServer(DemoDns.MX_HOST, p.outgoing().port(), p.outgoing().security())),
                Security.NONE);
        add("starttls-required", StartTlsRequired::new, VerdictCode.TLS_REQUIRED,
                p -> p.withSmtpAuth(new SmtpAuth.SameAsIncoming()), Security.NONE);
        add("sender-not-owned", SenderLoginMismatch::new, VerdictCode.SENDER_NOT_OWNED,
                p -> p.withSmtpAuth(new SmtpAuth.SameAsIncoming()).withEmail("boss@" + SmtpHandler.DOMAIN),
                Security.STARTTLS);
        add("network-restricted", NetworkRestricted::new, VerdictCode.NETWORK_RESTRICTED, p -> p, Security.STARTTLS);
        add("null-sender-rejected", NullSenderRejected::new, VerdictCode.NULL_SENDER_REJECTED,
                p -> p.withSmtpAuth(new SmtpAuth.SameAsIncoming()), Security.STARTTLS);
        add("client-blocked-dynamic", () -> new ClientBlocked(true), VerdictCode.CLIENT_BLOCKED_DYNAMIC, p -> p,
                Security.NONE);
        add("client-blocked", () -> new ClientBlocked(false), VerdictCode.CLIENT_BLOCKED, p -> p, Security.NONE);
        add("sender-unknown", SenderDomainCheck::new, VerdictCode.SENDER_UNKNOWN,
                p -> p.withSmtpAuth(new SmtpAuth.SameAsIncoming()).withEmail("alice@mistyped.invalid"),
                Security.STARTTLS);
        add("auth-unavailable", NoAuth::new, VerdictCode.AUTH_UNAVAILABLE,
                p -> p.withSmtpAuth(new SmtpAuth.SameAsIncoming()), Security.NONE);
        add("recipient-unknown", AuthRequired::new, VerdictCode.RECIPIENT_UNKNOWN,
                p -> withRecipient(p.withSmtpAuth(new SmtpAuth.SameAsIncoming()), "nobody@" + SmtpHandler.DOMAIN),
                Security.STARTTLS);
        add("rate-limited", Greylisting::new, VerdictCode.RATE_LIMITED,
                p -> p.withSmtpAuth(new SmtpAuth.SameAsIncoming()), Security.STARTTLS);
        DemoScenario wrong = add("auth-failed", AuthRequired::new, VerdictCode.AUTH_FAILED,
                p -> p.withSmtpAuth(new SmtpAuth.SameAsIncoming()), Security.STARTTLS);
        scenarios.set(scenarios.indexOf(wrong), new DemoScenario(wrong.id(), wrong.profile(),
                Secret.of("not-the-" + PASSWORD), wrong.expected()));
    }

    private DemoScenario add(String id, Supplier<? extends SmtpHandler> handler, VerdictCode expected,
            java.util.function.UnaryOperator<AccountProfile> adjust, Security security) throws IOException {
        DemoSmtpServer server = DemoSmtpServer.start(handler, tls);
        servers.add(server);
        AccountProfile base = new AccountProfile("Demo: " + id, "Alice Demo", LOGIN,
                new IncomingServer(MailProtocol.POP3, "127.0.0.1", pop3.port(), Security.NONE),
                new OutgoingServer("127.0.0.1", server.port(), security), LOGIN, new SmtpAuth.Off(), false, RECIPIENT,
                Duration.ofSeconds(5));
        DemoScenario s = new DemoScenario(id, adjust.apply(base), Secret.of(PASSWORD), expected);
        scenarios.add(s);
        return s;
    }

    private static AccountProfile withRecipient(AccountProfile p, String recipient) {
        return new AccountProfile(p.name(), p.displayName(), p.email(), p.incoming(), p.outgoing(), p.login(),
                p.smtpAuth(), p.logOnToIncomingFirst(), recipient, p.timeout());
    }

    @Override
    public void close() {
        for (Closeable c : servers) {
            try {
                c.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    // ---- the scenarios' behaviour ----------------------------------------------------------------------------

    /// Postfix submission: relays only after SASL login ("Relay access denied" at RCPT otherwise).
    static class AuthRequired extends SmtpHandler {
        @Override
        protected boolean checkPassword(String user, String password) {
            return LOGIN.equals(user) && PASSWORD.equals(password);
        }

        @Override
        public List<String> rcpt(String address) {
            if (address.equalsIgnoreCase("nobody@" + DOMAIN)) {
                return List.of("550 5.1.1 <" + address + ">: Recipient address rejected: User unknown in virtual mailbox table");
            }
            return super.rcpt(address);
        }
    }

    /// Relays for an address for a while after it logged on to POP3; offers no SMTP AUTH (the old way).
    static final class PopBeforeSmtp extends SmtpHandler {
        private final Map<String, Instant> grants;

        PopBeforeSmtp(Map<String, Instant> grants) {
            this.grants = grants;
        }

        @Override
        protected String authMechanisms() {
            return "";
        }

        @Override
        protected boolean relayAllowed() {
            Instant until = grants.get(clientAddress);
            return until != null && Instant.now().isBefore(until);
        }

        @Override
        public List<String> rcpt(String address) {
            if (isLocal(address) || relayAllowed()) {
                return List.of("250 2.1.5 Ok");
            }
            return List.of("553 5.7.1 <" + address + ">: Relaying denied. Proper authentication required (POP before SMTP).");
        }
    }

    /// Relays for senders of its own domain only; no AUTH.
    static final class NotLocalSender extends SmtpHandler {
        @Override
        protected String authMechanisms() {
            return "";
        }

        @Override
        public List<String> mail(String address) {
            if (!isLocal(address)) {
                return List.of("553 5.7.1 <" + address + ">: Sender address rejected: not local sender");
            }
            return super.mail(address);
        }

        @Override
        protected boolean relayAllowed() {
            return sender != null && isLocal(sender);
        }
    }

    /// An MX: takes mail for its own domain only, qmail wording, no AUTH, no STARTTLS.
    static final class InboundOnlyMx extends SmtpHandler {
        @Override
        protected String authMechanisms() {
            return "";
        }

        @Override
        public String greeting() {
            return "220 mx." + DOMAIN + " ESMTP";
        }

        @Override
        public List<String> rcpt(String address) {
            if (isLocal(address)) {
                return List.of("250 ok");
            }
            return List.of("553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)");
        }
    }

    /// No AUTH and no MAIL before STARTTLS (Postfix smtpd_tls_auth_only + smtpd_tls_security_level=encrypt).
    static final class StartTlsRequired extends AuthRequired {
        @Override
        protected String authMechanisms() {
            return tls ? "PLAIN LOGIN" : "";
        }

        @Override
        public List<String> mail(String address) {
            if (!tls) {
                return List.of("530 5.7.0 Must issue a STARTTLS command first");
            }
            return super.mail(address);
        }
    }

    /// Postfix reject_sender_login_mismatch: a logged-on user may only send as their own address.
    static final class SenderLoginMismatch extends AuthRequired {
        @Override
        public List<String> rcpt(String address) {
            if (authenticatedUser != null && sender != null && !sender.equalsIgnoreCase(authenticatedUser)) {
                return List.of("553 5.7.1 <" + sender + ">: Sender address rejected: not owned by user "
                        + authenticatedUser);
            }
            return super.rcpt(address);
        }
    }

    /// Relays only for its own networks (127.0.0.1 is not one of them): login works but does not help.
    static final class NetworkRestricted extends AuthRequired {
        @Override
        protected boolean relayAllowed() {
            return false;
        }
    }

    /// Refuses MAIL FROM:<> (against RFC 5321), relays after login otherwise.
    static final class NullSenderRejected extends AuthRequired {
        @Override
        public List<String> mail(String address) {
            if (address.isEmpty()) {
                return List.of("550 5.7.1 <>: Sender address rejected: null sender not accepted here");
            }
            return super.mail(address);
        }
    }

    /// Refuses the client's address at RCPT, the way Postfix does with reject_rbl_client or reverse DNS checks.
    static final class ClientBlocked extends SmtpHandler {
        private final boolean dynamic;

        ClientBlocked(boolean dynamic) {
            this.dynamic = dynamic;
        }

        @Override
        protected String authMechanisms() {
            return "";
        }

        @Override
        public List<String> rcpt(String address) {
            if (dynamic) {
                return List.of("554 5.7.1 Service unavailable; Client host [" + clientAddress + "] blocked using "
                        + "zen.spamhaus.org; https://www.spamhaus.org/query/ip/" + clientAddress + " (PBL: dynamic IP range)");
            }
            return List.of("450 4.7.1 Client host rejected: cannot find your reverse hostname, [" + clientAddress + "]");
        }
    }

    /// Postfix reject_unknown_sender_domain: a sender domain that does not exist is refused.
    static final class SenderDomainCheck extends AuthRequired {
        @Override
        public List<String> mail(String address) {
            if (address.toLowerCase(Locale.ROOT).endsWith(".invalid")) {
                return List.of("553 5.1.8 <" + address + ">: Sender address rejected: Domain not found");
            }
            return super.mail(address);
        }
    }

    /// No SMTP AUTH at all (and no STARTTLS): a login cannot help.
    static final class NoAuth extends AuthRequired {
        @Override
        protected String authMechanisms() {
            return "";
        }
    }

    /// Greylisting (postgrey) after login.
    static final class Greylisting extends AuthRequired {
        @Override
        public List<String> rcpt(String address) {
            return List.of("450 4.2.0 <" + address + ">: Recipient address rejected: Greylisted, see "
                    + "http://postgrey.schweikert.ch/help/" + DOMAIN + ".html");
        }
    }
}
