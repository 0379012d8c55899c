package org.relaydoctor.probe;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.URLName;
import jakarta.mail.search.HeaderTerm;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;

/// The incoming side of the test send, with Angus Mail's POP3 and IMAP stores: the log-on a mail program does
/// before sending ("Log on to incoming mail server before sending mail"), and the look into the inbox for the
/// test message. Only the outcome goes into the transcript (the mailbox's contents are the user's business).
public final class InboxLook {
    /// How often the inbox is looked into while waiting.
    static final Duration POLL = Duration.ofSeconds(2);

    /// Where to log on.
    public record Mailbox(MailProtocol protocol, InetAddress address, String host, int port, Security security,
            String user, Secret password) {}

    /// How a look went.
    ///
    /// @param found    the message is in the inbox
    /// @param waited   how long it took to find it, or how long was waited in vain
    /// @param problem  why the inbox could not be looked into (refused log-on, connection failure), or ""
    public record Result(boolean found, Duration waited, String problem) {}

    private final ProbeSession session;

    public InboxLook(ProbeSession session) {
        this.session = session;
    }

    /// Logs on and off; "" when the server accepted the login, else what went wrong.
    public String logOn(Mailbox box) {
        session.transcript().redactor().addSecret(box.password());
        try (AngusConnection c = new AngusConnection(session, box.address(), box.host())) {
            try (Store store = connect(c, box)) {
                c.note(name(box) + " login accepted (" + box.user() + ")");
                return "";
            } catch (MessagingException e) {
                String problem = problem(e);
                c.note(name(box) + " login failed: " + problem);
                return problem;
            }
        }
    }

    /// Looks into the inbox every few seconds for a message whose {@link TestMessageSend#MARK_HEADER} is `token`,
    /// until it is there or `wait` has passed.
    public Result waitFor(Mailbox box, String token, Duration wait) {
        session.transcript().redactor().addSecret(box.password());
        Instant start = Instant.now();
        Instant until = start.plus(wait);
        while (!session.cancelled()) {
            try (AngusConnection c = new AngusConnection(session, box.address(), box.host())) {
                try (Store store = connect(c, box)) {
                    Folder inbox = store.getFolder("INBOX");
                    inbox.open(Folder.READ_ONLY);
                    try {
                        if (inbox.search(new HeaderTerm(TestMessageSend.MARK_HEADER, token)).length > 0) {
                            Duration waited = Duration.between(start, Instant.now());
                            c.note("test message found in " + name(box) + " INBOX after " + waited.toSeconds() + " s");
                            return new Result(true, waited, "");
                        }
                    } finally {
                        inbox.close(false);
                    }
                } catch (MessagingException e) {
                    String problem = problem(e);
                    c.note(name(box) + ": " + problem);
                    return new Result(false, Duration.between(start, Instant.now()), problem);
                }
                if (!Instant.now().plus(POLL).isBefore(until)) {
                    c.note("test message not in " + name(box) + " INBOX after " + wait.toSeconds() + " s");
                    break;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL.toMillis()));
        }
        return new Result(false, Duration.between(start, Instant.now()), session.cancelled() ? "cancelled" : "");
    }

    private Store connect(AngusConnection c, Mailbox box) throws MessagingException {
        String protocol = box.protocol().name().toLowerCase(Locale.ROOT);
        Properties props = c.properties(protocol, box.security());
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(box.user() + box.password().reveal());
        if (box.protocol() == MailProtocol.POP3) {
            // Angus writes USER/PASS as ISO-8859-1, while servers (Dovecot) read them as UTF-8: only ASCII survives.
            // SASL PLAIN is UTF-8 by definition (RFC 4616), so it goes first, and alone for any other login.
            props.put("mail.pop3.auth.mechanisms", ascii ? "PLAIN LOGIN" : "PLAIN");
        } else if (!ascii) {
            // Angus's IMAP AUTHENTICATE PLAIN and LOGIN are UTF-8; its LOGIN command is not (see SaslOnlyImapStore).
            props.put("mail.imap.auth.mechanisms", "PLAIN LOGIN");
        }
        Session mail = Session.getInstance(props);
        Store store = box.protocol() == MailProtocol.IMAP && !ascii ? new SaslOnlyImapStore(mail)
                : mail.getStore(protocol);
        c.note("logging on to " + name(box) + " " + box.host() + ":" + box.port() + " with Angus Mail");
        store.connect(c.connectHost(), box.port(), box.user(), box.password().reveal());
        return store;
    }

    private String problem(MessagingException e) {
        String cause = e.getCause() == null ? null : e.getCause().getMessage();
        boolean causeSaysMore = cause != null && !cause.equals(e.getMessage());
        String text = e instanceof AuthenticationFailedException ? "login refused: " + e.getMessage()
                : String.valueOf(e.getMessage()) + (causeSaysMore ? " (" + cause + ")" : "");
        return session.transcript().redactor().scrub(text.strip());
    }

    /// Angus Mail's IMAP store for a user name or password beyond ASCII. When the server offers no SASL mechanism Angus
    /// knows, Angus falls back to the `LOGIN` command, whose strings it writes one byte per character (the low byte of
    /// each: "пароль" goes out as "?0@>;L"), so the server would see a wrong login, count a failed one, and the user
    /// would be told the password is wrong. This store logs on only with SASL `PLAIN` or `LOGIN`, which Angus writes
    /// as UTF-8, and says why when the server offers neither.
    private static final class SaslOnlyImapStore extends IMAPStore {
        SaslOnlyImapStore(Session session) {
            super(session, new URLName("imap", null, -1, null, null, null), "imap", false);
        }

        @Override
        protected void preLogin(IMAPProtocol p) throws ProtocolException {
            if (!p.hasCapability("AUTH=PLAIN") && !p.hasCapability("AUTH=LOGIN") && !p.hasCapability("AUTH-LOGIN")) {
                throw new ProtocolException("not logged on: the server offers neither SASL PLAIN nor SASL LOGIN, and"
                        + " the IMAP LOGIN command of Angus Mail cannot carry a user name or password beyond ASCII");
            }
        }
    }

    private static String name(Mailbox box) {
        return box.protocol().name();
    }
}
