package org.relaydoctor.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// The behaviour of one demo SMTP session: one overridable method per command, each returning the reply
/// lines. The default behaves like a Postfix submission server that relays only for logged-on clients.
/// A new handler is made for each connection, so fields may hold session state.
public class SmtpHandler {
    /// The domain the demo server hosts.
    public static final String DOMAIN = "demo.test";
    /// The host name the demo server greets with.
    public static final String HOST = "mail." + DOMAIN;

    /// The session's facts, set by the server before the greeting.
    protected String clientAddress = "";
    protected boolean tls;
    protected boolean tlsAvailable;
    protected String authenticatedUser;
    protected String sender;

    final void begin(String client, boolean tlsNow, boolean tlsOffered) {
        this.clientAddress = client;
        this.tls = tlsNow;
        this.tlsAvailable = tlsOffered;
    }

    final void tlsStarted() {
        tls = true;
        authenticatedUser = null;
        sender = null;
    }

    public String greeting() {
        return "220 " + HOST + " ESMTP Relay Doctor demo";
    }

    public List<String> ehlo(String name) {
        List<String> lines = new ArrayList<>();
        lines.add(HOST + " Hello " + name + " [" + clientAddress + "]");
        lines.add("PIPELINING");
        lines.add("SIZE 10240000");
        if (tlsAvailable && !tls) {
            lines.add("STARTTLS");
        }
        String auth = authMechanisms();
        if (!auth.isEmpty()) {
            lines.add("AUTH " + auth);
        }
        lines.add("ENHANCEDSTATUSCODES");
        lines.add("8BITMIME");
        return multiline(250, lines);
    }

    /// The SASL mechanisms offered ("" for none).
    protected String authMechanisms() {
        return "PLAIN LOGIN";
    }

    public List<String> helo(String name) {
        return List.of("250 " + HOST);
    }

    public List<String> starttls() {
        return List.of("220 2.0.0 Ready to start TLS");
    }

    /// Whether `user` / `password` is a valid login.
    protected boolean checkPassword(String user, String password) {
        return false;
    }

    /// The answer to a completed SASL exchange.
    public List<String> auth(String mechanism, String user, String password) {
        if (authenticatedUser != null) {
            return List.of("503 5.5.1 Error: already authenticated");
        }
        if (checkPassword(user, password)) {
            authenticatedUser = user;
            return List.of("235 2.7.0 Authentication successful");
        }
        return List.of("535 5.7.8 Error: authentication failed: authentication failure");
    }

    public List<String> mail(String address) {
        sender = address;
        return List.of("250 2.1.0 Ok");
    }

    public List<String> rcpt(String address) {
        if (isLocal(address) || relayAllowed()) {
            return List.of("250 2.1.5 Ok");
        }
        return List.of("554 5.7.1 <" + address + ">: Relay access denied");
    }

    /// Whether this session may relay to foreign domains.
    protected boolean relayAllowed() {
        return authenticatedUser != null;
    }

    public List<String> rset() {
        sender = null;
        return List.of("250 2.0.0 Ok");
    }

    public List<String> noop() {
        return List.of("250 2.0.0 Ok");
    }

    /// The demo never takes a message.
    public List<String> data() {
        return List.of("554 5.5.1 Error: the demo server takes no messages");
    }

    public List<String> quit() {
        return List.of("221 2.0.0 Bye");
    }

    public List<String> unknown(String line) {
        return List.of("502 5.5.2 Error: command not recognized");
    }

    protected static boolean isLocal(String address) {
        return address.toLowerCase(Locale.ROOT).endsWith("@" + DOMAIN);
    }

    protected static List<String> multiline(int code, List<String> texts) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            out.add(code + (i == texts.size() - 1 ? " " : "-") + texts.get(i));
        }
        return out;
    }
}
