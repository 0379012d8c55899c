package org.relaydoctor.probe;

import java.io.Closeable;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.relaydoctor.profile.Secret;

/// One SMTP conversation with per-command control: greeting, EHLO, STARTTLS, AUTH, MAIL FROM, RCPT TO,
/// RSET and QUIT. It never sends DATA: a probe learns what it needs at RCPT and nothing is delivered.
/// Every reply is bounded in time and size (see {@link LineChannel} for why this is not Angus's transport).
public final class SmtpProbe implements Closeable {
    private static final Pattern CLIENT_ADDRESS =
            Pattern.compile("\\[(?:IPv6:)?([0-9A-Fa-f:.]+)\\]|\\(\\[?([0-9]{1,3}(?:\\.[0-9]{1,3}){3})\\]?\\)");
    private static final Pattern REPLY_LINE = Pattern.compile("[2-5][0-9]{2}(?:[ -]|$)");
    private static final Pattern BRACKETED_IPV4 = Pattern.compile("\\[([0-9]{1,3}(?:\\.[0-9]{1,3}){3})\\]");
    private static final Pattern BARE_ADDRESS = Pattern.compile("\\b([0-9]{1,3}(?:\\.[0-9]{1,3}){3})\\b");

    private final LineChannel channel;
    private List<String> banner = List.of();
    private List<String> capabilities = List.of();
    private Optional<String> reportedClientAddress = Optional.empty();
    private boolean authenticated;
    private ServerReply lastReply;
    private ServerReply lastEhlo;

    private SmtpProbe(LineChannel channel) {
        this.channel = channel;
    }

    /// Connects and, with `implicitTls`, does the TLS handshake; the greeting is read by {@link #greeting()}.
    public static SmtpProbe connect(ProbeSession session, InetAddress address, String host, int port,
            boolean implicitTls) throws ProbeFailure {
        return new SmtpProbe(LineChannel.open(session, address, host, port, implicitTls));
    }

    /// Reads the 220 greeting (or a refusal at connect, which is a reply too).
    public ServerReply greeting() throws ProbeFailure {
        ServerReply reply;
        try {
            reply = readReply();
        } catch (ProbeFailure f) {
            if (f.kind() == ProbeFailure.Kind.TIMEOUT || f.kind() == ProbeFailure.Kind.DROPPED
                    || f.kind() == ProbeFailure.Kind.GARBLED) {
                throw new ProbeFailure(ProbeFailure.Kind.NO_GREETING, f.getMessage(), f);
            }
            throw f;
        }
        banner = reply.lines();
        findClientAddress(reply);
        return reply;
    }

    /// EHLO, falling back to HELO when EHLO is refused; records the capabilities.
    public ServerReply ehlo() throws ProbeFailure {
        String name = "[" + channel.localAddress().getHostAddress() + "]";
        ServerReply reply = command("EHLO " + name);
        if (reply.isPermanent() && reply.code() != 554 && reply.code() != 421) {
            reply = command("HELO " + name);
            capabilities = List.of();
            return reply;
        }
        if (reply.isPositive()) {
            lastEhlo = reply;
            List<String> caps = new ArrayList<>();
            for (int i = 1; i < reply.lines().size(); i++) {
                String l = reply.lines().get(i);
                caps.add(l.length() > 4 ? l.substring(4).strip() : "");
            }
            capabilities = List.copyOf(caps);
            findClientAddress(reply);
        }
        return reply;
    }

    /// Whether the last EHLO listed `keyword` (such as "STARTTLS" or "AUTH").
    public boolean supportsExtension(String keyword) {
        String k = keyword.toUpperCase(Locale.ROOT);
        for (String c : capabilities) {
            String u = c.toUpperCase(Locale.ROOT);
            if (u.equals(k) || u.startsWith(k + " ") || u.startsWith(k + "=")) {
                return true;
            }
        }
        return false;
    }

    /// The SASL mechanisms of the last EHLO (both `AUTH x y` and the old `AUTH=x y` form).
    public List<String> authMechanisms() {
        Set<String> out = new LinkedHashSet<>();
        for (String c : capabilities) {
            String u = c.toUpperCase(Locale.ROOT);
            if (u.startsWith("AUTH ") || u.startsWith("AUTH=")) {
                for (String m : u.substring(5).trim().split("\\s+")) {
                    if (!m.isBlank()) {
                        out.add(m);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /// STARTTLS; on 220 does the handshake and a fresh EHLO. Returns the STARTTLS reply.
    public ServerReply startTls() throws ProbeFailure {
        ServerReply reply = command("STARTTLS");
        if (reply.code() == 220) {
            channel.startTls();
            ehlo();
        }
        return reply;
    }

    /// Logs on with the best mechanism both sides know (PLAIN, LOGIN, CRAM-MD5), or `mechanism` if given.
    /// The password and its encodings are registered with the redactor before the first byte is sent.
    /// Empty when the server offers none of them.
    public Optional<ServerReply> authenticate(String user, Secret password, Optional<String> mechanism)
            throws ProbeFailure {
        Redactor redactor = channel.session().transcript().redactor();
        redactor.addSecret(password);
        redactor.addPlainCredentials(user, password);
        List<String> offered = authMechanisms();
        String mech = mechanism.map(m -> m.toUpperCase(Locale.ROOT)).orElseGet(() ->
                offered.contains("PLAIN") ? "PLAIN" : offered.contains("LOGIN") ? "LOGIN"
                        : offered.contains("CRAM-MD5") ? "CRAM-MD5" : "");
        ServerReply reply = switch (mech) {
            case "PLAIN" -> command("AUTH PLAIN " + b64("\0" + user + "\0" + password.reveal()));
            case "LOGIN" -> login(user, password);
            case "CRAM-MD5" -> cramMd5(user, password);
            default -> null;
        };
        if (reply == null) {
            return Optional.empty();
        }
        authenticated = reply.code() == 235;
        return Optional.of(reply);
    }

    private ServerReply login(String user, Secret password) throws ProbeFailure {
        ServerReply reply = command("AUTH LOGIN");
        if (reply.code() != 334) {
            return reply;
        }
        reply = sasl(b64(user));
        if (reply.code() != 334) {
            return reply;
        }
        return sasl(b64(password.reveal()));
    }

    private ServerReply cramMd5(String user, Secret password) throws ProbeFailure {
        ServerReply reply = command("AUTH CRAM-MD5");
        if (reply.code() != 334) {
            return reply;
        }
        try {
            byte[] challenge = Base64.getDecoder().decode(reply.text().strip());
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(password.reveal().getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            String digest = HexFormat.of().formatHex(mac.doFinal(challenge));
            return sasl(b64(user + " " + digest));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return sasl("*");
        }
    }

    private ServerReply sasl(String response) throws ProbeFailure {
        channel.send(response, true);
        lastReply = readReply();
        return lastReply;
    }

    public ServerReply mailFrom(String address) throws ProbeFailure {
        return command("MAIL FROM:<" + address + ">");
    }

    public ServerReply rcptTo(String address) throws ProbeFailure {
        return command("RCPT TO:<" + address + ">");
    }

    public ServerReply rset() throws ProbeFailure {
        return command("RSET");
    }

    /// Says goodbye and closes; never fails (the server may already be gone).
    public void quit() {
        if (channel.isOpen()) {
            try {
                command("QUIT");
            } catch (ProbeFailure ignored) {
                // closing anyway
            }
        }
        channel.close();
    }

    /// Sends one command line and reads its whole reply.
    public ServerReply command(String line) throws ProbeFailure {
        channel.send(line, false);
        lastReply = readReply();
        if (!lastReply.isPositive() && reportedClientAddress.isEmpty()) {
            // a client block names the address the server sees ("Client host [192.0.2.7] blocked using ...")
            Matcher m = BRACKETED_IPV4.matcher(String.join(" ", lastReply.lines()));
            if (m.find()) {
                reportedClientAddress = Optional.of(m.group(1));
            }
        }
        return lastReply;
    }

    private ServerReply readReply() throws ProbeFailure {
        Instant until = Instant.now().plus(channel.session().limits().readTimeout());
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = channel.readLine(until);
            if (!REPLY_LINE.matcher(line).lookingAt()) {
                // garbage is not a refusal: reading it as one would blame the client for a broken server
                channel.close();
                throw new ProbeFailure(ProbeFailure.Kind.GARBLED, "not an SMTP reply: "
                        + (line.length() > 80 ? line.substring(0, 80) + "..." : line));
            }
            lines.add(line);
            boolean more = line.length() > 3 && line.charAt(3) == '-' && line.substring(0, 3).chars().allMatch(Character::isDigit);
            if (!more) {
                break;
            }
            if (lines.size() >= ProbeLimits.MAX_REPLY_LINES) {
                channel.close();
                throw new ProbeFailure(ProbeFailure.Kind.GARBLED, "reply longer than " + ProbeLimits.MAX_REPLY_LINES + " lines");
            }
        }
        return ServerReply.parse(lines);
    }

    private void findClientAddress(ServerReply reply) {
        if (reportedClientAddress.isPresent()) {
            return;
        }
        String first = reply.lines().isEmpty() ? "" : reply.lines().get(0);
        Matcher m = CLIENT_ADDRESS.matcher(first);
        while (m.find()) {
            String a = m.group(1) != null ? m.group(1) : m.group(2);
            if (a.contains(".") || a.contains(":")) {
                reportedClientAddress = Optional.of(a);
                return;
            }
        }
        // "Hello client 1.2.3.4" or a refusal naming the client address
        String local = channel.localAddress().getHostAddress();
        Matcher bare = BARE_ADDRESS.matcher(String.join(" ", reply.lines()));
        while (bare.find()) {
            if (bare.group(1).equals(local)) {
                reportedClientAddress = Optional.of(local);
                return;
            }
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    public List<String> banner() {
        return banner;
    }

    public List<String> capabilities() {
        return capabilities;
    }

    public Optional<String> reportedClientAddress() {
        return reportedClientAddress;
    }

    public Optional<TlsHandshake> tls() {
        return channel.tls();
    }

    public boolean authenticated() {
        return authenticated;
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    public int connection() {
        return channel.id();
    }

    public String remoteAddress() {
        return channel.remoteAddress().getHostAddress();
    }

    /// The last positive EHLO reply (the capability list), quoted as evidence when AUTH is missing from it.
    public Optional<ServerReply> lastEhlo() {
        return Optional.ofNullable(lastEhlo);
    }

    public Optional<ServerReply> lastReply() {
        return Optional.ofNullable(lastReply);
    }

    @Override
    public void close() {
        channel.close();
    }
}
