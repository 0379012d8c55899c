package org.relaydoctor.demo;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaydoctor.profile.MailProtocol;

/// A demo POP3 or IMAP server that knows logging on and out and nothing else (no mailbox). A successful
/// login is reported with the client's address, which is how the POP-before-SMTP scenario grants relaying.
public final class DemoIncomingServer implements Closeable {
    /// An IMAP synchronizing literal at the end of a command line: `{19}`.
    private static final Pattern LITERAL = Pattern.compile("\\s*\\{(\\d+)\\}$");
    private final ServerSocket server;
    private final MailProtocol protocol;
    private final Map<String, String> passwords;
    private final Consumer<String> onLogin;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

    public DemoIncomingServer(MailProtocol protocol, Map<String, String> passwords, Consumer<String> onLogin)
            throws IOException {
        this.protocol = protocol;
        this.passwords = Map.copyOf(passwords);
        this.onLogin = onLogin;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        Thread.ofVirtual().name("demo-" + protocol.name().toLowerCase(Locale.ROOT)).start(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (true) {
            try {
                Socket s = server.accept();
                clients.add(s);
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            TextConnection c = new TextConnection(socket);
            if (protocol == MailProtocol.POP3) {
                pop3(c);
            } else {
                imap(c);
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            clients.remove(socket);
        }
    }

    private void pop3(TextConnection c) throws IOException {
        c.send("+OK Relay Doctor demo POP3 ready");
        String user = null;
        String line;
        while ((line = c.readLine()) != null) {
            String[] p = line.split(" ", 2);
            String verb = p[0].toUpperCase(Locale.ROOT);
            String arg = p.length > 1 ? p[1] : "";
            switch (verb) {
                case "USER" -> {
                    user = arg;
                    c.send("+OK");
                }
                case "PASS" -> pop3Login(c, user, arg);
                case "AUTH" -> pop3SaslPlain(c, arg);
                case "QUIT" -> {
                    c.send("+OK Logging out.");
                    return;
                }
                case "CAPA" -> {
                    c.send("+OK");
                    c.send("USER");
                    c.send("SASL PLAIN");
                    c.send(".");
                }
                default -> c.send("-ERR Unknown command.");
            }
        }
    }

    /// Like Dovecot: the password is compared as UTF-8 text, whichever way it came.
    private void pop3Login(TextConnection c, String user, String password) throws IOException {
        if (user != null && password.equals(passwords.get(user))) {
            onLogin.accept(c.clientAddress());
            c.send("+OK Logged in.");
        } else {
            c.send("-ERR [AUTH] Authentication failed.");
        }
    }

    /// RFC 5034 `AUTH PLAIN`, with the initial response on the command line or after a `+ ` prompt.
    private void pop3SaslPlain(TextConnection c, String arg) throws IOException {
        Optional<String[]> fields = saslPlain(c, arg, new SaslRefusals("-ERR Unsupported authentication mechanism.",
                "-ERR Authentication aborted.", "-ERR Invalid base64 data in continued response."));
        if (fields.isPresent()) {
            pop3Login(c, fields.get()[1], fields.get()[2]);
        }
    }

    private void imap(TextConnection c) throws IOException {
        c.send("* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS AUTH=PLAIN] Relay Doctor demo IMAP ready.");
        String line;
        while ((line = c.readLine()) != null) {
            String[] p = line.split(" ", 3);
            String tag = p[0];
            String verb = p.length > 1 ? p[1].toUpperCase(Locale.ROOT) : "";
            String arg = p.length > 2 ? p[2] : "";
            switch (verb) {
                case "LOGIN" -> {
                    Matcher literal = LITERAL.matcher(arg);
                    if (literal.find()) {
                        // the password as a literal, as a client sends one beyond ASCII: "+", then its bytes
                        c.send("+ OK");
                        String password = c.readLine();
                        String[] user = unquote(arg.substring(0, literal.start()));
                        imapLogin(c, tag, user.length == 1 ? user[0] : null, password == null ? "" : password);
                    } else {
                        String[] creds = unquote(arg);
                        imapLogin(c, tag, creds.length == 2 ? creds[0] : null, creds.length == 2 ? creds[1] : "");
                    }
                }
                case "AUTHENTICATE" -> imapSaslPlain(c, tag, arg);
                case "LOGOUT" -> {
                    c.send("* BYE Logging out");
                    c.send(tag + " OK Logout completed.");
                    return;
                }
                case "CAPABILITY" -> {
                    c.send("* CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS AUTH=PLAIN");
                    c.send(tag + " OK Capability completed.");
                }
                default -> c.send(tag + " BAD Error in IMAP command.");
            }
        }
    }

    /// Like Dovecot: the password is compared as UTF-8 text, whichever way it came.
    private void imapLogin(TextConnection c, String tag, String user, String password) throws IOException {
        if (user != null && password.equals(passwords.get(user))) {
            onLogin.accept(c.clientAddress());
            c.send(tag + " OK Logged in");
        } else {
            c.send(tag + " NO [AUTHENTICATIONFAILED] Authentication failed.");
        }
    }

    /// RFC 3501 `AUTHENTICATE PLAIN`, with the initial response on the command line (RFC 4959 SASL-IR) or after a
    /// `+ ` prompt, as the greeting's `AUTH=PLAIN` promises.
    private void imapSaslPlain(TextConnection c, String tag, String arg) throws IOException {
        Optional<String[]> fields = saslPlain(c, arg, new SaslRefusals(tag + " NO Unsupported authentication mechanism.",
                tag + " BAD Authentication aborted by client.", tag + " BAD Invalid base64 data in continued response."));
        if (fields.isPresent()) {
            imapLogin(c, tag, fields.get()[1], fields.get()[2]);
        }
    }

    /// What a protocol answers when a SASL PLAIN exchange goes wrong.
    private record SaslRefusals(String unsupported, String aborted, String invalid) {}

    /// The three fields (authzid, user, password) of a SASL PLAIN exchange, its response base64 of UTF-8
    /// "authzid NUL user NUL password" (RFC 4616) given with `arg` or after a `+ ` prompt; empty once `refuse` has
    /// answered why not.
    private static Optional<String[]> saslPlain(TextConnection c, String arg, SaslRefusals refuse) throws IOException {
        String[] p = arg.split(" ", 2);
        if (!p[0].equalsIgnoreCase("PLAIN")) {
            c.send(refuse.unsupported());
            return Optional.empty();
        }
        String response = p.length > 1 ? p[1] : null;
        if (response == null) {
            c.send("+ ");
            response = c.readLine();
        }
        if (response == null || response.equals("*")) {
            c.send(refuse.aborted());
            return Optional.empty();
        }
        String[] fields = saslPlainFields(response);
        if (fields.length != 3) {
            c.send(refuse.invalid());
            return Optional.empty();
        }
        return Optional.of(fields);
    }

    /// The three fields of a SASL PLAIN response, or none when it is not one.
    private static String[] saslPlainFields(String base64) {
        try {
            String[] fields = new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8).split("\0", -1);
            return fields.length == 3 ? fields : new String[0];
        } catch (IllegalArgumentException e) {
            return new String[0];
        }
    }

    /// `"user" "pass"` or `user pass` into its two strings.
    private static String[] unquote(String arg) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean escape = false;
        for (char ch : arg.toCharArray()) {
            if (escape) {
                cur.append(ch);
                escape = false;
            } else if (ch == '\\' && quoted) {
                escape = true;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ' ' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out.stream().filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // best effort
        }
        for (Socket s : clients) {
            try {
                s.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
