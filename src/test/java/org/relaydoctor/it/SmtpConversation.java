package org.relaydoctor.it;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.relaydoctor.profile.Secret;

/// One SMTP connection driven command by command through Angus Mail, for asserting a server's raw replies.
/// Connecting sends EHLO (and STARTTLS first when asked); {@link #command} returns the reply line(s).
final class SmtpConversation implements AutoCloseable {
    private final SMTPTransport transport;

    private SmtpConversation(SMTPTransport transport) {
        this.transport = transport;
    }

    /// Connects and greets; with a login, authenticates too (a refused login throws, see {@link #login}).
    static SmtpConversation open(InetSocketAddress server, boolean startTls, Optional<Login> login)
            throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.localhost", "client.example.net");
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        props.put("mail.smtp.auth", Boolean.toString(login.isPresent()));
        props.put("mail.smtp.auth.mechanisms", "PLAIN");
        props.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        props.put("mail.smtp.starttls.required", Boolean.toString(startTls));
        props.put("mail.smtp.ssl.trust", "*");
        SMTPTransport transport = (SMTPTransport) Session.getInstance(props).getTransport("smtp");
        transport.connect(server.getHostString(), server.getPort(),
                login.map(Login::user).orElse(null), login.map(l -> l.password().reveal()).orElse(null));
        return new SmtpConversation(transport);
    }

    static SmtpConversation open(InetSocketAddress server) throws MessagingException {
        return open(server, false, Optional.empty());
    }

    /// Tries to log in and returns the server's last reply (the 235 or the refusal).
    static String login(InetSocketAddress server, boolean startTls, Login login) {
        try (SmtpConversation c = open(server, startTls, Optional.of(login))) {
            return c.lastReply();
        } catch (MessagingException e) {
            return e.getMessage().strip();
        }
    }

    /// Sends one command and returns the whole reply as the server sent it (without CRLF).
    String command(String line) throws MessagingException {
        transport.simpleCommand(line);
        return lastReply();
    }

    String lastReply() {
        return transport.getLastServerResponse().strip();
    }

    boolean offers(String extension) {
        return transport.supportsExtension(extension);
    }

    Optional<String> extensionParameter(String extension) {
        return Optional.ofNullable(transport.getExtensionParameter(extension));
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // the server may already have closed the connection
        }
    }

    record Login(String user, Secret password) {}
}
