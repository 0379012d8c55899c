package org.relaydoctor.demo;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.relaydoctor.profile.MailProtocol;

/// A demo POP3 or IMAP server that knows logging on and out and nothing else (no mailbox). A successful
/// login is reported with the client's address, which is how the POP-before-SMTP scenario grants relaying.
public final class DemoIncomingServer implements Closeable {
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
                case "PASS" -> {
                    if (user != null && arg.equals(passwords.get(user))) {
                        onLogin.accept(c.clientAddress());
                        c.send("+OK Logged in.");
                    } else {
                        c.send("-ERR [AUTH] Authentication failed.");
                    }
                }
                case "QUIT" -> {
                    c.send("+OK Logging out.");
                    return;
                }
                case "CAPA" -> {
                    c.send("+OK");
                    c.send("USER");
                    c.send(".");
                }
                default -> c.send("-ERR Unknown command.");
            }
        }
    }

    private void imap(TextConnection c) throws IOException {
        c.send("* OK [CAPABILITY IMAP4rev1 LOGIN-REFERRALS AUTH=PLAIN] Relay Doctor demo IMAP ready.");
        String line;
        while ((line = c.readLine()) != null) {
            String[] p = line.split(" ", 3);
            String tag = p[0];
            String verb = p.length > 1 ? p[1].toUpperCase(Locale.ROOT) : "";
            String arg = p.length > 2 ? p[2] : "";
            switch (verb) {
                case "LOGIN" -> {
                    String[] creds = unquote(arg);
                    if (creds.length == 2 && creds[1].equals(passwords.get(creds[0]))) {
                        onLogin.accept(c.clientAddress());
                        c.send(tag + " OK Logged in");
                    } else {
                        c.send(tag + " NO [AUTHENTICATIONFAILED] Authentication failed.");
                    }
                }
                case "LOGOUT" -> {
                    c.send("* BYE Logging out");
                    c.send(tag + " OK Logout completed.");
                    return;
                }
                case "CAPABILITY" -> {
                    c.send("* CAPABILITY IMAP4rev1");
                    c.send(tag + " OK Capability completed.");
                }
                default -> c.send(tag + " BAD Error in IMAP command.");
            }
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
