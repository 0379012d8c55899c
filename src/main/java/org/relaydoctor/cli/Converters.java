package org.relaydoctor.cli;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.cli.Converter;
import org.relaydoctor.dns.DnsBlocklist;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.Security;
import org.relaydoctor.report.ReportFormat;

/// The option values of the commands: each turns the text given into its value or says in one line why it cannot.
final class Converters {
    private Converters() {}

    static final Converter<Path, IllegalArgumentException> PATH = value -> {
        try {
            return Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("'" + value + "' is not a file name");
        }
    };

    static final Converter<Integer, IllegalArgumentException> PORT = value -> {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("'" + value + "' is not a port number (1-65535)");
    };

    static final Converter<Security, IllegalArgumentException> SMTP_SECURITY = value ->
            switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "none", "plain" -> Security.NONE;
                case "ssl", "tls", "ssl/tls" -> Security.SSL_TLS;
                case "starttls" -> Security.STARTTLS;
                case "auto" -> Security.AUTO;
                default -> throw new IllegalArgumentException("'" + value + "' is not one of none, ssl, starttls, auto");
            };

    static final Converter<Security, IllegalArgumentException> INCOMING_SECURITY = value ->
            switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "none", "plain" -> Security.NONE;
                case "ssl", "tls", "ssl/tls" -> Security.SSL_TLS;
                case "starttls", "stls" -> Security.STARTTLS;
                default -> throw new IllegalArgumentException("'" + value + "' is not one of none, ssl, starttls");
            };

    static final Converter<MailProtocol, IllegalArgumentException> PROTOCOL = value ->
            switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "pop3", "pop" -> MailProtocol.POP3;
                case "imap" -> MailProtocol.IMAP;
                default -> throw new IllegalArgumentException("'" + value + "' is not one of pop3, imap");
            };

    /// `off|same|separate`, any case.
    static final Converter<String, IllegalArgumentException> SMTP_AUTH_MODE = value -> {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("off") && !v.equals("same") && !v.equals("separate")) {
            throw new IllegalArgumentException("'" + value + "' is not one of off, same, separate");
        }
        return v;
    };

    static final Converter<Duration, IllegalArgumentException> TIMEOUT = value -> seconds(value, 1,
            "' is not a time-out in seconds (1-600)");

    static final Converter<Duration, IllegalArgumentException> WAIT = value -> seconds(value, 0,
            "' is not a wait in seconds (0-600)");

    private static Duration seconds(String value, int min, String notOne) {
        try {
            int s = Integer.parseInt(value.strip());
            if (s >= min && s <= 600) {
                return Duration.ofSeconds(s);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("'" + value + notOne);
    }

    static final Converter<Locale, IllegalArgumentException> LANGUAGE = value -> {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "en", "ru", "uk" -> Locale.of(v);
            default -> throw new IllegalArgumentException("'" + value + "' is not one of ru, en, uk");
        };
    };

    /// `html|pdf|txt|json|eml`, any case.
    static final Converter<ReportFormat, IllegalArgumentException> REPORT_FORMAT = value -> ReportFormat.ofName(value)
            .orElseThrow(() -> new IllegalArgumentException("expected html, pdf, txt, json or eml, not '" + value + "'"));

    /// `ZONE[:policy]`.
    static final Converter<DnsBlocklist, IllegalArgumentException> BLOCKLIST = DnsBlocklist::parse;

    /// `HOST[:PORT]` or `[IPv6]:PORT`, left unresolved: the command resolves it once, so that a wrong name is a usage
    /// error rather than HOST_NOT_FOUND for the servers.
    static final Converter<InetSocketAddress, IllegalArgumentException> DNS_SERVER = value -> {
        String v = value.strip();
        String host = v;
        int port = 53;
        if (v.startsWith("[")) { // [v6]:port
            int end = v.indexOf(']');
            if (end < 0) {
                throw notHostPort(value);
            }
            host = v.substring(1, end);
            if (v.length() > end + 1) {
                port = port(v.substring(end + 2), value);
            }
        } else if (v.chars().filter(c -> c == ':').count() == 1) {
            host = v.substring(0, v.indexOf(':'));
            port = port(v.substring(v.indexOf(':') + 1), value);
        }
        if (host.isBlank()) {
            throw notHostPort(value);
        }
        return InetSocketAddress.createUnresolved(host, port);
    };

    private static int port(String p, String value) {
        try {
            return PORT.apply(p);
        } catch (IllegalArgumentException e) {
            throw notHostPort(value);
        }
    }

    private static IllegalArgumentException notHostPort(String value) {
        return new IllegalArgumentException("'" + value + "' is not HOST[:PORT]");
    }

    /// `--arrival-mailbox` before its password is known.
    record MailboxAddress(MailProtocol protocol, Security security, String user, String host, int port) {}

    /// `pop3://user@host:port`, `imaps://user@host` and the like; the user may itself contain '@'.
    private static final Pattern MAILBOX = Pattern.compile("(?i)(pop3s?|imaps?)://(.+)@([^@:/\\s]+)(?::(\\d{1,5}))?/?");

    static final Converter<MailboxAddress, IllegalArgumentException> MAILBOX_ADDRESS = value -> {
        Matcher m = MAILBOX.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not pop3|pop3s|imap|imaps://USER@HOST[:PORT]");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        MailProtocol protocol = scheme.startsWith("pop3") ? MailProtocol.POP3 : MailProtocol.IMAP;
        Security security = scheme.endsWith("s") ? Security.SSL_TLS : Security.NONE;
        int port = m.group(4) == null ? protocol.defaultPort(security) : PORT.apply(m.group(4));
        return new MailboxAddress(protocol, security, m.group(2), m.group(3), port);
    };
}
