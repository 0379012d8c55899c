package org.relaydoctor.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/// Reads the mail accounts of a Thunderbird profile from its `prefs.js`.
///
/// The chain Thunderbird keeps: `mail.accountmanager.accounts` lists accounts; `mail.account.<a>.server` and
/// `.identities` point to `mail.server.<s>.*` (type, hostname, port, socketType, userName) and
/// `mail.identity.<i>.*` (useremail, fullName, smtpServer); the identity's `smtpServer` (or
/// `mail.smtp.defaultserver`) points to `mail.smtpserver.<k>.*` (hostname, port, socketType or the older
/// try_ssl, authMethod, username). Thunderbird 128+ keeps some outgoing prefs under `mail.outgoingserver.<k>`;
/// both are read. Values: socketType 0 plain, 1 try STARTTLS, 2 STARTTLS, 3 SSL/TLS; authMethod 1 none,
/// 2 old, 3 normal password, 4 encrypted password, 5 Kerberos, 6 NTLM, 7 TLS certificate, 8 secure,
/// 9 any, 10 OAuth2.
public final class ThunderbirdImport {
    private static final int AUTH_NONE = 1;
    private static final int AUTH_OAUTH2 = 10;

    private ThunderbirdImport() {}

    /// Reads `prefs.js`, or the `prefs.js` inside a Thunderbird profile folder.
    public static AccountImport read(Path fileOrProfileFolder) throws IOException {
        Path file = Files.isDirectory(fileOrProfileFolder) ? fileOrProfileFolder.resolve("prefs.js") : fileOrProfileFolder;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AccountImportException(file, "no such file");
        }
        return parse(file, TextDecoding.decode(bytes));
    }

    static AccountImport parse(Path file, String text) throws AccountImportException {
        MozillaPrefs prefs = MozillaPrefs.parse(file, text);
        Optional<String> accountList = prefs.string("mail.accountmanager.accounts");
        if (accountList.isEmpty()) {
            throw new AccountImportException(file, "no mail.accountmanager.accounts: not the prefs.js of a"
                    + " Thunderbird profile with accounts");
        }
        List<ImportedAccount> accounts = new ArrayList<>();
        List<ImportNote> skipped = new ArrayList<>();
        for (String account : list(accountList.get())) {
            String server = prefs.string("mail.account." + account + ".server").orElse("");
            if (server.isEmpty()) {
                continue;
            }
            String base = "mail.server." + server + ".";
            String type = prefs.string(base + "type").orElse("");
            String accountName = prefs.string(base + "name").orElse(account);
            MailProtocol protocol = switch (type) {
                case "pop3" -> MailProtocol.POP3;
                case "imap" -> MailProtocol.IMAP;
                default -> null;
            };
            if (protocol == null) {
                skipped.add(new ImportNote(ImportNote.Kind.SKIPPED_ACCOUNT, accountName + " (" + type + ")"));
                continue;
            }
            accounts.add(account(prefs, account, server, protocol, accountName));
        }
        return new AccountImport(file, accounts, skipped);
    }

    private static ImportedAccount account(MozillaPrefs prefs, String account, String server, MailProtocol protocol,
            String accountName) throws AccountImportException {
        List<ImportNote> notes = new ArrayList<>();
        String base = "mail.server." + server + ".";
        // realhostname/realuserName are what Thunderbird connects with after a user renamed the server.
        String host = first(prefs.string(base + "realhostname"), prefs.string(base + "hostname")).orElse("");
        String user = first(prefs.string(base + "realuserName"), prefs.string(base + "userName")).orElse("");
        int socketType = prefs.integer(base + "socketType").orElse(0);
        if (socketType == 1) {
            notes.add(new ImportNote(ImportNote.Kind.INCOMING_TRY_STARTTLS, host));
        }
        Security inSecurity = switch (socketType) {
            case 3 -> Security.SSL_TLS;
            case 1, 2 -> Security.STARTTLS;
            default -> Security.NONE;
        };
        int inPort = prefs.integer(base + "port").filter(p -> p > 0).orElse(protocol.defaultPort(inSecurity));
        IncomingServer incoming = new IncomingServer(protocol, host, inPort, inSecurity);

        String identity = list(prefs.string("mail.account." + account + ".identities").orElse("")).stream()
                .findFirst().orElse("");
        String idBase = "mail.identity." + identity + ".";
        String email = prefs.string(idBase + "useremail").orElse(user.contains("@") ? user : "");
        String fullName = prefs.string(idBase + "fullName").orElse("");

        Optional<String> smtpKey = prefs.string(idBase + "smtpServer").filter(s -> !s.isBlank());
        if (smtpKey.isEmpty()) {
            notes.add(new ImportNote(ImportNote.Kind.NO_OUTGOING_SERVER, accountName));
            smtpKey = first(prefs.string("mail.smtp.defaultserver").filter(s -> !s.isBlank()),
                    prefs.string("mail.smtpservers").flatMap(s -> list(s).stream().findFirst()));
        }
        OutgoingServer outgoing;
        SmtpAuth auth;
        String key = smtpKey.orElse("");
        if (key.isEmpty()) {
            outgoing = new OutgoingServer("", 587, Security.STARTTLS);
            auth = new SmtpAuth.SameAsIncoming();
        } else {
            Outgoing out = outgoing(prefs, key, user, notes);
            outgoing = out.server();
            auth = out.auth();
        }
        String name = accountName.isBlank() ? email : accountName;
        AccountProfile profile = new AccountProfile(name, fullName, email, incoming, outgoing, user, auth, false, "",
                AccountProfile.DEFAULT_TIMEOUT);
        return new ImportedAccount(profile, notes);
    }

    private record Outgoing(OutgoingServer server, SmtpAuth auth) {}

    private static Outgoing outgoing(MozillaPrefs prefs, String key, String incomingUser, List<ImportNote> notes)
            throws AccountImportException {
        String host = smtpString(prefs, key, "hostname").orElse("");
        // socketType replaced try_ssl (same numbers) in Thunderbird 3.
        int socketType = first(smtpInt(prefs, key, "socketType"), smtpInt(prefs, key, "try_ssl")).orElse(0);
        Security security = switch (socketType) {
            case 3 -> Security.SSL_TLS;
            case 2 -> Security.STARTTLS;
            case 1 -> Security.AUTO;
            default -> Security.NONE;
        };
        // Port 0 means Thunderbird's default: 465 for SSL/TLS, 587 otherwise.
        int port = smtpInt(prefs, key, "port").filter(p -> p > 0).orElse(security == Security.SSL_TLS ? 465 : 587);
        Optional<Integer> method = smtpInt(prefs, key, "authMethod");
        if (method.isEmpty()) {
            // Before Thunderbird 3: auth_method 0 = no log-on, 1 = log on.
            method = smtpInt(prefs, key, "auth_method").map(old -> old == 0 ? AUTH_NONE : 3);
        }
        int authMethod = method.orElse(3);
        String user = smtpString(prefs, key, "username").orElse("");
        SmtpAuth auth;
        if (authMethod == AUTH_NONE) {
            auth = new SmtpAuth.Off();
        } else {
            if (authMethod == AUTH_OAUTH2) {
                notes.add(new ImportNote(ImportNote.Kind.OAUTH2_NOT_SUPPORTED, host));
            } else if (authMethod >= 5 && authMethod <= 7) {
                notes.add(new ImportNote(ImportNote.Kind.UNUSUAL_AUTH_METHOD, switch (authMethod) {
                    case 5 -> "Kerberos/GSSAPI";
                    case 6 -> "NTLM";
                    default -> "TLS certificate";
                }));
            }
            auth = user.isEmpty() || user.equals(incomingUser) ? new SmtpAuth.SameAsIncoming() : new SmtpAuth.OwnLogin(user);
        }
        return new Outgoing(new OutgoingServer(host, port, security), auth);
    }

    private static Optional<String> smtpString(MozillaPrefs prefs, String key, String name) throws AccountImportException {
        Optional<String> v = prefs.string("mail.smtpserver." + key + "." + name);
        return v.isPresent() ? v : prefs.string("mail.outgoingserver." + key + "." + name);
    }

    private static Optional<Integer> smtpInt(MozillaPrefs prefs, String key, String name) throws AccountImportException {
        Optional<Integer> v = prefs.integer("mail.smtpserver." + key + "." + name);
        return v.isPresent() ? v : prefs.integer("mail.outgoingserver." + key + "." + name);
    }

    private static <T> Optional<T> first(Optional<T> preferred, Optional<T> fallback) {
        return preferred.isPresent() ? preferred : fallback;
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
