package org.relaydoctor.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/// Reads the Internet e-mail (POP3/IMAP) accounts of an Outlook profile file (`.prf`, as made by the Office
/// Customization Tool or exported): `[Internet Account List]` names the account sections (`Account1=I_Mail`),
/// each `[AccountN]` holds the values (`POP3Server`, `POP3Port`, `POP3UseSSL`, `POP3UserName`, `IMAPServer`…,
/// `EmailAddress`, `DisplayName`, `SMTPServer`, `SMTPPort`, `SMTPUseAuth`, `SMTPAuthMethod`, `SMTPUserName`,
/// `SMTPSecureConnection`, `LeaveOnServer`).
///
/// Keys are matched without regard to case or spaces, so the documented names ("POP3 Server") work too.
/// Values: `SMTPSecureConnection` 0 none, 1 SSL/TLS, 2 STARTTLS ("TLS"), 3 auto; `SMTPAuthMethod` 0 same as
/// incoming, 1 own user name, 2 log on to incoming server before sending.
public final class OutlookPrfImport {
    private OutlookPrfImport() {}

    private record Entry(String value, int line) {}

    private record Section(String name, int line, Map<String, Entry> values) {
        Optional<String> text(String key) {
            return Optional.ofNullable(values.get(normal(key))).map(Entry::value).filter(v -> !v.isEmpty());
        }
    }

    public static AccountImport read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AccountImportException(file, "no such file");
        }
        return parse(file, TextDecoding.decode(bytes));
    }

    static AccountImport parse(Path file, String text) throws AccountImportException {
        Map<String, Section> sections = sections(file, text);
        Section list = sections.get(normal("Internet Account List"));
        if (list == null) {
            throw new AccountImportException(file, "no [Internet Account List] section: not an Outlook profile file"
                    + " with Internet e-mail accounts");
        }
        List<ImportedAccount> accounts = new ArrayList<>();
        List<ImportNote> skipped = new ArrayList<>();
        for (Map.Entry<String, Entry> item : list.values().entrySet()) {
            Section account = sections.get(item.getKey());
            if (account == null) {
                throw new AccountImportException(file, "line " + item.getValue().line() + ": the account list names "
                        + item.getKey() + " but the file has no [" + item.getKey() + "] section");
            }
            Section mapping = sections.get(normal(item.getValue().value()));
            String type = mapping == null ? "" : mapping.text("AccountType").orElse("");
            boolean imap = account.text("IMAPServer").isPresent() || type.equalsIgnoreCase("IMAP");
            boolean pop = account.text("POP3Server").isPresent() || type.equalsIgnoreCase("POP3");
            if (!imap && !pop) {
                skipped.add(new ImportNote(ImportNote.Kind.SKIPPED_ACCOUNT,
                        account.text("AccountName").orElse(account.name())));
                continue;
            }
            accounts.add(account(file, account, imap ? MailProtocol.IMAP : MailProtocol.POP3));
        }
        return new AccountImport(file, accounts, skipped);
    }

    private static ImportedAccount account(Path file, Section s, MailProtocol protocol) throws AccountImportException {
        String prefix = protocol == MailProtocol.IMAP ? "IMAP" : "POP3";
        Security inSecurity = flag(file, s, prefix + "UseSSL") ? Security.SSL_TLS : Security.NONE;
        int inPort = port(file, s, prefix + "Port", protocol.defaultPort(inSecurity));
        IncomingServer incoming = new IncomingServer(protocol, s.text(prefix + "Server").orElse(""), inPort, inSecurity);

        int secure = number(file, s, "SMTPSecureConnection").orElse(0);
        Security outSecurity = switch (secure) {
            case 0 -> Security.NONE;
            case 1 -> Security.SSL_TLS;
            case 2 -> Security.STARTTLS;
            case 3 -> Security.AUTO;
            default -> throw invalid(file, s, "SMTPSecureConnection", "0, 1, 2 or 3");
        };
        int outPort = port(file, s, "SMTPPort", outSecurity == Security.SSL_TLS ? 465 : 25);
        OutgoingServer outgoing = new OutgoingServer(s.text("SMTPServer").orElse(""), outPort, outSecurity);

        String user = s.text(prefix + "UserName").orElse("");
        boolean useAuth = flag(file, s, "SMTPUseAuth");
        int method = number(file, s, "SMTPAuthMethod").orElse(0);
        SmtpAuth auth = new SmtpAuth.Off();
        boolean popFirst = false;
        if (useAuth) {
            switch (method) {
                case 0 -> auth = new SmtpAuth.SameAsIncoming();
                case 1 -> {
                    String smtpUser = s.text("SMTPUserName").orElse("");
                    auth = smtpUser.isEmpty() ? new SmtpAuth.SameAsIncoming() : new SmtpAuth.OwnLogin(smtpUser);
                }
                case 2 -> popFirst = true;
                default -> throw invalid(file, s, "SMTPAuthMethod", "0, 1 or 2");
            }
        }
        String email = s.text("EmailAddress").orElse(user.contains("@") ? user : "");
        String name = s.text("AccountName").orElse(email.isEmpty() ? s.name() : email);
        AccountProfile profile = new AccountProfile(name, s.text("DisplayName").orElse(""), email, incoming, outgoing,
                user, auth, popFirst, "", AccountProfile.DEFAULT_TIMEOUT);
        return new ImportedAccount(profile, List.of());
    }

    private static Map<String, Section> sections(Path file, String text) throws AccountImportException {
        Map<String, Section> sections = new LinkedHashMap<>();
        Section current = null;
        String[] lines = text.split("\\r?\\n|\\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw new AccountImportException(file, "line " + number + ": a section header must look like [Name]");
                }
                String name = line.substring(1, line.length() - 1).strip();
                current = new Section(name, number, new LinkedHashMap<>());
                sections.putIfAbsent(normal(name), current);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new AccountImportException(file, "line " + number + ": expected key=value");
            }
            if (current == null) {
                throw new AccountImportException(file, "line " + number + ": a value before the first [section]");
            }
            current.values().put(normal(line.substring(0, eq)), new Entry(line.substring(eq + 1).strip(), number));
        }
        return sections;
    }

    private static boolean flag(Path file, Section s, String key) throws AccountImportException {
        Optional<Integer> n = number(file, s, key);
        if (n.isPresent()) {
            return n.get() != 0;
        }
        return false;
    }

    private static int port(Path file, Section s, String key, int fallback) throws AccountImportException {
        int port = number(file, s, key).orElse(fallback);
        if (port < 1 || port > 65535) {
            throw invalid(file, s, key, "a port number 1..65535");
        }
        return port;
    }

    private static Optional<Integer> number(Path file, Section s, String key) throws AccountImportException {
        Entry e = s.values().get(normal(key));
        if (e == null || e.value().isEmpty()) {
            return Optional.empty();
        }
        String v = e.value().toLowerCase(Locale.ROOT);
        switch (v) {
            case "true", "yes" -> { return Optional.of(1); }
            case "false", "no" -> { return Optional.of(0); }
            default -> { }
        }
        try {
            return Optional.of(v.startsWith("0x") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v));
        } catch (NumberFormatException ex) {
            throw new AccountImportException(file, "line " + e.line() + ": [" + s.name() + "] " + key + "=" + e.value()
                    + " is not a number");
        }
    }

    private static AccountImportException invalid(Path file, Section s, String key, String expected) {
        Entry e = s.values().get(normal(key));
        return new AccountImportException(file, "line " + (e == null ? s.line() : e.line()) + ": [" + s.name() + "] "
                + key + "=" + (e == null ? "" : e.value()) + " should be " + expected);
    }

    private static String normal(String key) {
        return key.replace(" ", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
