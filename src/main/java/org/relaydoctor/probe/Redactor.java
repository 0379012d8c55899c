package org.relaydoctor.probe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.relaydoctor.profile.Secret;

/// Removes passwords and authentication payloads from text before it reaches a transcript, a log or a report.
///
/// It masks three things: the arguments of an `AUTH`/`LOGIN`/`PASS`/`AUTHENTICATE` command, the client's
/// answers to a SASL challenge (the lines after a `334` or `+` reply), and every occurrence of a known secret,
/// in clear and in its base64 forms (alone, and inside the `\0user\0password` blob of AUTH PLAIN).
public final class Redactor {
    /// What replaces a removed value; reports explain it.
    public static final String MASK = "[redacted]";

    private static final Pattern AUTH_COMMAND =
            Pattern.compile("^(?i)(\\S+\\s+)?(AUTH|AUTHENTICATE|LOGIN|PASS|APOP)(\\s+)(.*)$");

    private final List<String> needles = new CopyOnWriteArrayList<>();

    /// Registers a secret: its clear value and its base64 forms are masked from now on.
    public void addSecret(Secret secret) {
        if (secret.isEmpty()) {
            return;
        }
        String clear = secret.reveal();
        List<String> forms = new ArrayList<>();
        forms.add(clear);
        forms.add(b64(clear));
        forms.add(b64("\0" + clear));
        needles.addAll(forms.stream().filter(f -> f.length() >= 3).toList());
    }

    /// Registers an AUTH PLAIN blob for a login and secret, so even its base64 with the user name is masked.
    public void addPlainCredentials(String user, Secret secret) {
        if (secret.isEmpty()) {
            return;
        }
        needles.add(b64("\0" + user + "\0" + secret.reveal()));
        needles.add(b64(user + "\0" + user + "\0" + secret.reveal()));
    }

    /// Masks a line the client sends. `inSaslExchange` is true while the server is issuing challenges.
    public String clientLine(String line, boolean inSaslExchange) {
        if (inSaslExchange) {
            return line.equals("*") ? line : MASK;
        }
        var m = AUTH_COMMAND.matcher(line);
        if (m.matches()) {
            String tag = m.group(1) == null ? "" : m.group(1);
            String verb = m.group(2);
            String args = m.group(4);
            return tag + verb + m.group(3) + maskAuthArguments(verb, args);
        }
        return scrub(line);
    }

    /// Masks any known secret in a line from the server or a note (servers sometimes echo input).
    public String scrub(String text) {
        String out = text;
        for (String needle : needles) {
            if (out.contains(needle)) {
                out = out.replace(needle, MASK);
            }
        }
        return out;
    }

    private String maskAuthArguments(String verb, String args) {
        String upper = verb.toUpperCase(Locale.ROOT);
        if (upper.equals("AUTH") || upper.equals("AUTHENTICATE")) {
            // Keep the mechanism name: it is evidence. Mask whatever follows (an initial response).
            String[] parts = args.split("\\s+", 2);
            return parts.length == 1 ? scrub(parts[0]) : parts[0] + " " + MASK;
        }
        if (upper.equals("LOGIN")) {
            // IMAP LOGIN user password: the user name stays, the password goes.
            String[] parts = args.split("\\s+", 2);
            return parts.length == 1 ? MASK : parts[0] + " " + MASK;
        }
        return MASK; // PASS, APOP
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
