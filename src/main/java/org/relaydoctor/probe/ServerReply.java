package org.relaydoctor.probe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// One SMTP reply: the basic code, the RFC 3463 enhanced status code when present, and its text lines.
///
/// @param code          the three-digit basic reply code (0 when the text carried none)
/// @param enhancedCode  the enhanced status code such as "5.7.1", or empty
/// @param lines         the reply's text lines as the server sent them, codes included
public record ServerReply(int code, String enhancedCode, List<String> lines) {
    private static final Pattern ENHANCED = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");
    private static final Pattern BASIC = Pattern.compile("^(\\d{3})(?:[ -]|$)");

    public ServerReply {
        Objects.requireNonNull(enhancedCode, "enhancedCode");
        lines = List.copyOf(lines);
    }

    /// Parses reply lines such as `550-5.7.1 first` / `550 5.7.1 last`.
    public static ServerReply parse(List<String> lines) {
        int code = 0;
        String enhanced = "";
        for (String line : lines) {
            Matcher basic = BASIC.matcher(line);
            if (basic.find()) {
                if (code == 0) {
                    code = Integer.parseInt(basic.group(1));
                }
                Matcher e = ENHANCED.matcher(line.substring(Math.min(4, line.length())));
                if (enhanced.isEmpty() && e.find()) {
                    enhanced = e.group(0);
                }
            }
        }
        return new ServerReply(code, enhanced, lines);
    }

    public static ServerReply parse(String text) {
        return parse(text.lines().toList());
    }

    public boolean isPositive() {
        return code >= 200 && code < 400;
    }

    public boolean isTransient() {
        return code >= 400 && code < 500;
    }

    public boolean isPermanent() {
        return code >= 500 && code < 600;
    }

    /// The human text of the reply without codes, lines joined by a space.
    public String text() {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            String rest = BASIC.matcher(line).find() ? line.substring(Math.min(4, line.length())) : line;
            Matcher e = ENHANCED.matcher(rest);
            if (e.find()) {
                rest = rest.substring(e.end());
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(rest.strip());
        }
        return out.toString();
    }

    public Optional<String> enhanced() {
        return enhancedCode.isEmpty() ? Optional.empty() : Optional.of(enhancedCode);
    }

    /// The reply as one line, the way the evidence quotes it.
    @Override
    public String toString() {
        return String.join(" / ", lines);
    }
}
