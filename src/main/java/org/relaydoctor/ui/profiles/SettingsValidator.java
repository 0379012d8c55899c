package org.relaydoctor.ui.profiles;

import java.net.IDN;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.relaydoctor.profile.Security;

/// The rules for each account setting as typed, as pure functions: address syntax (international domains
/// through {@link IDN}), host names, ports, and port/encryption pairs that are allowed but unusual.
public final class SettingsValidator {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9a-fA-F]*:[0-9a-fA-F]*:[0-9a-fA-F:.]*]?");
    // RFC 5322 atext plus dots, and any non-ASCII letter for internationalised local parts (RFC 6531).
    private static final Pattern LOCAL_PART = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]+");
    private static final Set<Integer> IMPLICIT_TLS_PORTS = Set.of(465, 993, 995);
    private static final Set<Integer> PLAIN_PORTS = Set.of(25, 587, 110, 143, 2525);

    private SettingsValidator() {}

    /// An e-mail address: required unless `optional`.
    public static FieldState email(String typed, boolean optional) {
        String s = typed.strip();
        if (s.isEmpty()) {
            return optional ? FieldState.FINE : FieldState.error("validation.email.empty");
        }
        int at = s.lastIndexOf('@');
        if (at < 0) {
            return FieldState.error("validation.email.noAt");
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (local.isEmpty() || local.length() > 64 || !LOCAL_PART.matcher(local).matches()
                || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return FieldState.error("validation.email.local");
        }
        if (domain.isEmpty() || hostName(domain) != null || !domain.contains(".")) {
            return FieldState.error("validation.email.domain");
        }
        return FieldState.FINE;
    }

    /// A server name or IP address.
    public static FieldState host(String typed) {
        String s = typed.strip();
        if (s.isEmpty()) {
            return FieldState.error("validation.host.empty");
        }
        if (s.contains("://")) {
            return FieldState.error("validation.host.scheme");
        }
        if (s.contains("@")) {
            return FieldState.error("validation.host.address");
        }
        if (s.matches(".*[^:\\]]:\\d+") && !IPV6.matcher(s).matches()) {
            return FieldState.error("validation.host.port");
        }
        var ipv4 = IPV4.matcher(s);
        if (ipv4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(ipv4.group(i)) > 255) {
                    return FieldState.error("validation.host.syntax");
                }
            }
            return FieldState.FINE;
        }
        if (IPV6.matcher(s).matches()) {
            return FieldState.FINE;
        }
        String problem = hostName(s);
        if (problem != null) {
            return FieldState.error(problem);
        }
        return s.contains(".") ? FieldState.FINE : FieldState.warning("validation.host.single");
    }

    /// A port number as typed.
    public static FieldState port(String typed) {
        String s = typed.strip();
        if (s.isEmpty()) {
            return FieldState.error("validation.port.empty");
        }
        Integer port = parsePort(s);
        return port == null ? FieldState.error("validation.port.range") : FieldState.FINE;
    }

    /// A port with the encryption chosen for it: unusual pairs such as 465 with STARTTLS get a warning.
    public static FieldState pair(String typedPort, Security security) {
        FieldState port = port(typedPort);
        if (port.isError()) {
            return port;
        }
        int p = parsePort(typedPort.strip());
        if (IMPLICIT_TLS_PORTS.contains(p) && security != Security.SSL_TLS) {
            return FieldState.warning("validation.pair.implicitTlsPort");
        }
        if (PLAIN_PORTS.contains(p) && security == Security.SSL_TLS) {
            return FieldState.warning("validation.pair.plainPortWithSsl");
        }
        return FieldState.FINE;
    }

    /// The server time-out in whole seconds, 1 to 600.
    public static FieldState timeoutSeconds(String typed) {
        try {
            int v = Integer.parseInt(typed.strip());
            return v >= 1 && v <= 600 ? FieldState.FINE : FieldState.error("validation.timeout.range");
        } catch (NumberFormatException e) {
            return FieldState.error("validation.timeout.range");
        }
    }

    /// The port as a number when it lies in 1–65535, else null.
    public static Integer parsePort(String s) {
        if (!s.matches("\\d{1,5}")) {
            return null;
        }
        int v = Integer.parseInt(s);
        return v >= 1 && v <= 65535 ? v : null;
    }

    /// Null when `name` is a valid (possibly international) DNS name, else the message key of the problem.
    private static String hostName(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (n.isEmpty() || n.chars().anyMatch(Character::isWhitespace)) {
            return "validation.host.syntax";
        }
        String ascii;
        try {
            ascii = IDN.toASCII(n, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "validation.host.syntax";
        }
        if (ascii.length() > 253) {
            return "validation.host.syntax";
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return "validation.host.syntax";
            }
        }
        return null;
    }
}
