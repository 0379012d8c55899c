package org.relaydoctor.probe;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;

/// Sends one real message with Angus Mail's SMTP transport, exactly as a mail program with these settings
/// would: STARTTLS or implicit TLS, SASL AUTH when a login is given, then MAIL, RCPT and DATA. Only for the
/// user's explicit "send a test message": the probes never send DATA. The conversation lands in the check's
/// transcript through the redactor; the server's refusal comes back as its exact reply.
public final class TestMessageSend {
    /// A header that marks the message as Relay Doctor's test, with a token the inbox look searches for.
    public static final String MARK_HEADER = "X-Relay-Doctor-Test";

    /// Where the server stopped the message, when it did.
    public enum Stage { CONNECT, TLS, AUTH, MAIL, RCPT, DATA }

    /// The message itself.
    ///
    /// @param from         the sender address (also the envelope sender)
    /// @param displayName  the sender's name, may be empty
    /// @param to           the recipient
    /// @param subject      the subject line
    /// @param body         the plain-text body
    /// @param token        the unique mark the inbox look searches for
    public record Message(String from, String displayName, String to, String subject, String body, String token) {}

    /// A SASL login.
    public record Login(String user, Secret password) {}

    /// How the send went.
    ///
    /// @param sent      the server took the message (250 after the end of DATA)
    /// @param stage     where it stopped, when it did not
    /// @param reply     the server's last reply (the acceptance, or the refusal), redacted
    /// @param failure   a network or TLS failure without a reply
    /// @param detail    one line about what happened (the library's message, redacted)
    public record Result(boolean sent, Optional<Stage> stage, Optional<ServerReply> reply,
            Optional<ProbeFailure.Kind> failure, String detail) {}

    private final ProbeSession session;

    public TestMessageSend(ProbeSession session) {
        this.session = session;
    }

    public Result send(InetAddress address, String host, int port, Security security, Optional<Login> login,
            Message message) {
        Redactor redactor = session.transcript().redactor();
        login.ifPresent(l -> {
            redactor.addSecret(l.password());
            redactor.addPlainCredentials(l.user(), l.password());
        });
        try (AngusConnection c = new AngusConnection(session, address, host)) {
            Properties props = c.properties("smtp", security);
            props.put("mail.smtp.auth", String.valueOf(login.isPresent()));
            props.put("mail.smtp.from", message.from());
            props.put("mail.smtp.localhost", "[" + localAddress(address) + "]");
            // the AUTH exchange goes into the trace like every other line; the redactor masks it there
            props.put("mail.debug.auth", "true");
            props.put("mail.from", message.from()); // the domain of the Message-ID
            Session mail = Session.getInstance(props);
            mail.setDebugOut(c.smtpTrace());
            mail.setDebug(true);
            SMTPTransport transport = (SMTPTransport) mail.getTransport("smtp");
            Stage stage = Stage.CONNECT;
            try {
                MimeMessage mime = mime(mail, message);
                try {
                    transport.connect(c.connectHost(), port, login.map(Login::user).orElse(null),
                            login.map(l -> l.password().reveal()).orElse(null));
                } catch (AuthenticationFailedException e) {
                    return refused(Stage.AUTH, transport, e);
                }
                stage = Stage.MAIL;
                transport.sendMessage(mime, mime.getAllRecipients());
                return new Result(true, Optional.empty(), reply(transport), Optional.empty(),
                        redactor.scrub(String.valueOf(transport.getLastServerResponse()).strip()));
            } catch (SMTPSendFailedException e) {
                return refused(stageOf(e.getCommand()), transport, e);
            } catch (jakarta.mail.SendFailedException e) {
                // an address refused: its own exception carries the command and the reply
                Exception next = e.getNextException();
                if (next instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException a) {
                    return refused(Stage.RCPT, transport, a);
                }
                if (next instanceof org.eclipse.angus.mail.smtp.SMTPSenderFailedException s) {
                    return refused(Stage.MAIL, transport, s);
                }
                return refused(stage, transport, e);
            } catch (MessagingException e) {
                return failed(stage, transport, e, c);
            } finally {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // closing is best effort
                }
            }
        } catch (jakarta.mail.NoSuchProviderException e) {
            throw new IllegalStateException("Angus Mail's SMTP provider is missing from the build", e);
        }
    }

    private static String localAddress(InetAddress remote) {
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket()) {
            probe.connect(remote, 9);
            return probe.getLocalAddress().getHostAddress();
        } catch (java.io.IOException | RuntimeException e) {
            return "127.0.0.1";
        }
    }

    private static MimeMessage mime(Session mail, Message message) throws MessagingException {
        MimeMessage mime = new MimeMessage(mail);
        try {
            mime.setFrom(new InternetAddress(message.from(), message.displayName().isBlank() ? null : message.displayName(),
                    "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            mime.setFrom(new InternetAddress(message.from()));
        }
        mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(message.to()));
        mime.setSubject(message.subject(), "UTF-8");
        mime.setSentDate(new Date());
        mime.setHeader(MARK_HEADER, message.token());
        mime.setHeader("Auto-Submitted", "auto-generated");
        mime.setText(message.body(), "UTF-8");
        mime.saveChanges();
        return mime;
    }

    private Result refused(Stage stage, SMTPTransport transport, MessagingException e) {
        Optional<ServerReply> reply = reply(transport);
        return new Result(false, Optional.of(stage), reply, Optional.empty(),
                session.transcript().redactor().scrub(String.valueOf(e.getMessage()).strip()));
    }

    private Result failed(Stage stage, SMTPTransport transport, MessagingException e, AngusConnection c) {
        Throwable cause = e;
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
            cause = t;
        }
        ProbeFailure.Kind kind = session.cancelled() ? ProbeFailure.Kind.CANCELLED
                : chain.stream().anyMatch(t -> t instanceof javax.net.ssl.SSLException
                        || t instanceof java.security.cert.CertificateException) ? ProbeFailure.Kind.TLS_FAILED
                : chain.stream().anyMatch(t -> t instanceof java.net.ConnectException) ? ProbeFailure.Kind.CONNECTION_REFUSED
                : chain.stream().anyMatch(t -> t instanceof java.net.SocketTimeoutException)
                        ? stage == Stage.CONNECT && !transport.isConnected() ? ProbeFailure.Kind.CONNECT_TIMEOUT
                                : ProbeFailure.Kind.TIMEOUT
                : chain.stream().anyMatch(t -> t instanceof java.net.UnknownHostException) ? ProbeFailure.Kind.HOST_NOT_FOUND
                : ProbeFailure.Kind.DROPPED;
        String detail = session.transcript().redactor().scrub(kind.name() + ": " + cause.getMessage());
        c.note(detail);
        Optional<ServerReply> reply = reply(transport).filter(r -> !r.isPositive());
        return new Result(false, Optional.of(kind == ProbeFailure.Kind.TLS_FAILED ? Stage.TLS : stage), reply,
                reply.isPresent() ? Optional.empty() : Optional.of(kind), detail);
    }

    private Optional<ServerReply> reply(SMTPTransport transport) {
        String last = transport.getLastServerResponse();
        if (last == null || last.isBlank()) {
            return Optional.empty();
        }
        Redactor redactor = session.transcript().redactor();
        List<String> lines = new ArrayList<>();
        for (String l : last.split("\r?\n")) {
            if (!l.isBlank()) {
                lines.add(redactor.scrub(l));
            }
        }
        ServerReply r = ServerReply.parse(lines);
        return r.code() == 0 ? Optional.empty() : Optional.of(r);
    }

    private static Stage stageOf(String command) {
        String c = command == null ? "" : command.strip().toUpperCase(java.util.Locale.ROOT);
        if (c.startsWith("MAIL")) {
            return Stage.MAIL;
        }
        if (c.startsWith("RCPT")) {
            return Stage.RCPT;
        }
        if (c.startsWith("AUTH")) {
            return Stage.AUTH;
        }
        if (c.startsWith("STARTTLS")) {
            return Stage.TLS;
        }
        return Stage.DATA;
    }
}
