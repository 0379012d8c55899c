package org.relaydoctor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.relaydoctor.it.MtaScenarios.mta;
import static org.relaydoctor.it.TestAccounts.ALICE;
import static org.relaydoctor.it.TestAccounts.ALICE_PASSWORD;
import static org.relaydoctor.it.TestAccounts.BOB;
import static org.relaydoctor.it.TestAccounts.EXTERNAL_RECIPIENT;
import static org.relaydoctor.it.TestAccounts.FOREIGN;
import static org.relaydoctor.it.TestAccounts.GHOST;
import static org.relaydoctor.it.TestAccounts.LOCAL_RECIPIENT;
import static org.relaydoctor.it.TestAccounts.POP;
import static org.relaydoctor.it.TestAccounts.POP_PASSWORD;
import static org.relaydoctor.it.TestAccounts.WRONG_PASSWORD;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.relaydoctor.it.SmtpConversation.Login;
import org.relaydoctor.profile.Secret;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/// The scenario self-check: each listener of the private Postfix answers with the replies that define its
/// restriction (the lines recorded in `src/test/mta/postfix/master.cf`), spoken to through Angus Mail.
/// If one of these fails, the servers are wrong, not the engine.
@ExtendWith(MtaScenarios.class)
@Execution(ExecutionMode.CONCURRENT)
class PostfixScenarioSelfCheckIT {

    private static final Login ALICE_LOGIN = new Login(ALICE, ALICE_PASSWORD);
    private static final String RELAY_DENIED = "554 5.7.1 <" + EXTERNAL_RECIPIENT + ">: Relay access denied";

    private static InetSocketAddress smtp(PostfixScenario scenario) {
        return mta().smtp(scenario);
    }

    /// MAIL FROM then RCPT TO the external recipient; returns the RCPT reply (or the MAIL reply when that failed).
    private static String relayReply(SmtpConversation c, String sender) throws MessagingException {
        String mail = c.command("MAIL FROM:<" + sender + ">");
        if (!mail.startsWith("250")) {
            return mail;
        }
        String rcpt = c.command("RCPT TO:<" + EXTERNAL_RECIPIENT + ">");
        c.command("RSET");
        return rcpt;
    }

    @Test
    void authRequiredRefusesRelayUntilAuthenticated() throws Exception {
        try (SmtpConversation c = SmtpConversation.open(smtp(PostfixScenario.AUTH_REQUIRED))) {
            assertThat(c.extensionParameter("AUTH")).hasValueSatisfying(m -> assertThat(m).contains("PLAIN"));
            assertThat(relayReply(c, ALICE)).isEqualTo(RELAY_DENIED);
        }
        try (SmtpConversation c = SmtpConversation.open(smtp(PostfixScenario.AUTH_REQUIRED), false,
                Optional.of(ALICE_LOGIN))) {
            assertThat(relayReply(c, ALICE)).isEqualTo("250 2.1.5 Ok");
        }
    }

    @Test
    void networkRestrictedOffersNoAuthRefusesRelayAndTakesLocalMail() throws Exception {
        try (SmtpConversation c = SmtpConversation.open(smtp(PostfixScenario.NETWORK_RESTRICTED))) {
            assertThat(c.offers("AUTH")).isFalse();
            assertThat(relayReply(c, ALICE)).isEqualTo(RELAY_DENIED);
            c.command("MAIL FROM:<" + ALICE + ">");
            assertThat(c.command("RCPT TO:<" + LOCAL_RECIPIENT + ">")).isEqualTo("250 2.1.5 Ok");
        }
    }

    @Test
    @ResourceLock("pop-before-smtp")
    void popBeforeSmtpRelaysOnlyForAWhileAfterALoginFromTheClient() throws Exception {
        InetSocketAddress server = smtp(PostfixScenario.POP_BEFORE_SMTP);
        mta().revokePopBeforeSmtpGrants();
        try (SmtpConversation c = SmtpConversation.open(server)) {
            assertThat(c.offers("AUTH")).isFalse();
            assertThat(relayReply(c, POP)).as("before any login").isEqualTo(RELAY_DENIED);
        }
        logIn("pop3", mta().pop3(), ALICE, ALICE_PASSWORD);
        try (SmtpConversation c = SmtpConversation.open(server)) {
            assertThat(relayReply(c, POP)).as("after the login of a non-subscriber").isEqualTo(RELAY_DENIED);
        }
        logIn("pop3", mta().pop3(), POP, POP_PASSWORD);
        try (SmtpConversation c = SmtpConversation.open(server)) {
            assertThat(relayReply(c, POP)).as("after a POP3 login").isEqualTo("250 2.1.5 Ok");
        }
        var grant = mta().popBeforeSmtpGrants().resolve("127.0.0.1");
        Files.setLastModifiedTime(grant,
                FileTime.from(Instant.now().minusSeconds(mta().popBeforeSmtpTtlSeconds() + 2)));
        try (SmtpConversation c = SmtpConversation.open(server)) {
            assertThat(relayReply(c, POP)).as("once the grant has expired").isEqualTo(RELAY_DENIED);
        }
        logIn("imap", mta().imap(), POP, POP_PASSWORD);
        try (SmtpConversation c = SmtpConversation.open(server)) {
            assertThat(relayReply(c, POP)).as("after an IMAP login").isEqualTo("250 2.1.5 Ok");
        }
        mta().revokePopBeforeSmtpGrants();
    }

    @Test
    void senderLoginMismatchRefusesAnAddressTheLoginDoesNotOwn() throws Exception {
        try (SmtpConversation c = SmtpConversation.open(smtp(PostfixScenario.SENDER_LOGIN_MISMATCH), false,
                Optional.of(ALICE_LOGIN))) {
            assertThat(relayReply(c, BOB)).isEqualTo(
                    "553 5.7.1 <" + BOB + ">: Sender address rejected: not owned by user " + ALICE);
            assertThat(relayReply(c, ALICE)).isEqualTo("250 2.1.5 Ok");
        }
    }

    @Test
    void inboundMxIsTheDomainsMxAndTakesOnlyLocalMail() throws Exception {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", 53));
        resolver.setAddress(new InetSocketAddress(mta().dns().getHostString(), mta().dns().getPort()));
        Lookup mx = new Lookup(TestAccounts.DOMAIN, Type.MX);
        mx.setResolver(resolver);
        mx.setCache(null);
        assertThat(mx.run()).singleElement().satisfies(r ->
                assertThat(((MXRecord) r).getTarget().toString()).isEqualTo("mx.relaydoctor.test."));
        Lookup a = new Lookup("mx.relaydoctor.test", Type.A);
        a.setResolver(resolver);
        a.setCache(null);
        assertThat(a.run()).singleElement().satisfies(r ->
                assertThat(((ARecord) r).getAddress().getHostAddress())
                        .isEqualTo(smtp(PostfixScenario.INBOUND_MX).getHostString()));

        try (SmtpConversation c = SmtpConversation.open(smtp(PostfixScenario.INBOUND_MX))) {
            assertThat(c.offers("AUTH")).isFalse();
            assertThat(relayReply(c, ALICE)).isEqualTo(RELAY_DENIED);
            c.command("MAIL FROM:<" + FOREIGN + ">");
            assertThat(c.command("RCPT TO:<" + LOCAL_RECIPIENT + ">")).isEqualTo("250 2.1.5 Ok");
        }
    }

    @Test
    void starttlsRequiredRefusesMailBeforeTlsAndRelaysAfterTlsAndAuth() throws Exception {
        try (SmtpConversation c = SmtpConversation.open(smtp(PostfixScenario.STARTTLS_REQUIRED))) {
            assertThat(c.offers("STARTTLS")).isTrue();
            assertThat(c.offers("AUTH")).as("AUTH only inside TLS").isFalse();
            assertThat(c.command("MAIL FROM:<" + ALICE + ">")).isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
        }
        try (SmtpConversation c = SmtpConversation.open(smtp(PostfixScenario.STARTTLS_REQUIRED), true,
                Optional.of(ALICE_LOGIN))) {
            assertThat(relayReply(c, ALICE)).isEqualTo("250 2.1.5 Ok");
        }
    }

    @Test
    void notLocalSenderRefusesForeignSendersOnly() throws Exception {
        try (SmtpConversation c = SmtpConversation.open(smtp(PostfixScenario.NOT_LOCAL_SENDER))) {
            assertThat(relayReply(c, FOREIGN)).isEqualTo(
                    "550 5.7.1 <" + FOREIGN + ">: Sender address rejected: not local sender");
            assertThat(relayReply(c, ALICE)).isEqualTo("250 2.1.5 Ok");
        }
    }

    @Test
    void pblBlockedRefusesTheClientAsAZenHitUnlessAuthenticated() throws Exception {
        try (SmtpConversation c = SmtpConversation.open(smtp(PostfixScenario.PBL_BLOCKED))) {
            assertThat(relayReply(c, ALICE)).startsWith("554 5.7.1 ").endsWith(
                    "Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org;"
                            + " https://www.spamhaus.org/query/ip/127.0.0.1");
        }
        try (SmtpConversation c = SmtpConversation.open(smtp(PostfixScenario.PBL_BLOCKED), false,
                Optional.of(ALICE_LOGIN))) {
            assertThat(relayReply(c, ALICE)).isEqualTo("250 2.1.5 Ok");
        }
    }

    @Test
    void nullSenderRefusedWhileARealSenderRelays() throws Exception {
        try (SmtpConversation c = SmtpConversation.open(smtp(PostfixScenario.NULL_SENDER_REFUSED), false,
                Optional.of(ALICE_LOGIN))) {
            assertThat(relayReply(c, "")).isEqualTo("550 5.7.1 <>: Sender address rejected: null sender not accepted");
            assertThat(relayReply(c, ALICE)).isEqualTo("250 2.1.5 Ok");
        }
    }

    @Test
    void unknownSenderRefusedEvenAuthenticated() throws Exception {
        try (SmtpConversation c = SmtpConversation.open(smtp(PostfixScenario.UNKNOWN_SENDER), false,
                Optional.of(ALICE_LOGIN))) {
            assertThat(relayReply(c, GHOST)).isEqualTo("550 5.1.0 <" + GHOST
                    + ">: Sender address rejected: User unknown in local recipient table");
            assertThat(relayReply(c, ALICE)).isEqualTo("250 2.1.5 Ok");
        }
    }

    @Test
    void wrongPasswordGets535() {
        assertThat(SmtpConversation.login(smtp(PostfixScenario.WRONG_PASSWORD), false,
                new Login(ALICE, WRONG_PASSWORD))).startsWith("535 5.7.8 Error: authentication failed");
        assertThat(SmtpConversation.login(smtp(PostfixScenario.WRONG_PASSWORD), false, ALICE_LOGIN))
                .startsWith("235 2.7.0");
    }

    @Test
    void submissionRelaysAfterAuth() throws Exception {
        try (SmtpConversation c = SmtpConversation.open(smtp(PostfixScenario.SUBMISSION), false,
                Optional.of(ALICE_LOGIN))) {
            assertThat(c.lastReply()).startsWith("235 2.7.0 Authentication successful");
            assertThat(relayReply(c, ALICE)).isEqualTo("250 2.1.5 Ok");
        }
    }

    @Test
    void silentPortAcceptsButNeverGreets() throws IOException {
        InetSocketAddress server = smtp(PostfixScenario.SILENT);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.getHostString(), server.getPort()), 2000);
            socket.setSoTimeout(1500);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    private static void logIn(String protocol, InetSocketAddress server, String user, Secret password)
            throws MessagingException {
        Properties props = new Properties();
        props.put("mail." + protocol + ".connectiontimeout", "5000");
        props.put("mail." + protocol + ".timeout", "5000");
        Store store = Session.getInstance(props).getStore(protocol);
        store.connect(server.getHostString(), server.getPort(), user, password.reveal());
        store.close();
    }
}
