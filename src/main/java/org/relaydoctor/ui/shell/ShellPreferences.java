package org.relaydoctor.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.relaydoctor.ui.theme.Themes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The shell's remembered choices, in `ui-preferences.properties` of the config folder: the language
/// (empty = the system's), the theme, the DNS server of the check, and the divider between the profile list and the work area.
public final class ShellPreferences {
    /// Asked for at the first message, not at class load: the window's first frame does not wait for the logging set-up.
    private static Logger log() {
        return LoggerFactory.getLogger(ShellPreferences.class);
    }

    private final Path file;
    private final Properties values = new Properties();

    public ShellPreferences(Path configDir) {
        this.file = configDir.resolve("ui-preferences.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                log().warn("Ignoring unreadable preferences {}: {}", file, e.toString());
            }
        }
    }

    /// The language picked in the menu; empty means "follow the system".
    public synchronized Optional<Locale> language() {
        String tag = values.getProperty("language", "");
        return tag.isBlank() ? Optional.empty() : Optional.of(Locale.forLanguageTag(tag));
    }

    public synchronized void setLanguage(Optional<Locale> language) {
        values.setProperty("language", language.map(Locale::toLanguageTag).orElse(""));
    }

    public synchronized Themes.Choice theme() {
        try {
            return Themes.Choice.valueOf(values.getProperty("theme", "SYSTEM"));
        } catch (IllegalArgumentException e) {
            return Themes.Choice.SYSTEM;
        }
    }

    public synchronized void setTheme(Themes.Choice theme) {
        values.setProperty("theme", theme.name());
    }

    public synchronized double divider() {
        try {
            double v = Double.parseDouble(values.getProperty("divider", "0.27"));
            return v > 0.05 && v < 0.8 ? v : 0.27;
        } catch (NumberFormatException e) {
            return 0.27;
        }
    }

    public synchronized void setDivider(double position) {
        values.setProperty("divider", Double.toString(position));
    }

    /// The resolver the check uses instead of the system's, as typed (`HOST[:PORT]`); empty means the system's.
    public synchronized String dnsServer() {
        String v = values.getProperty("dnsServer", "");
        try {
            parseDnsServer(v);
            return v;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    public synchronized void setDnsServer(String value) {
        values.setProperty("dnsServer", value.strip());
    }

    /// `HOST`, `HOST:PORT`, an IPv6 address or `[IPv6]:PORT` (port 53 by default); blank means none.
    /// Left unresolved: the check resolves a host name when it runs, not the FX thread.
    /// @throws IllegalArgumentException when the text is not of that form
    public static Optional<InetSocketAddress> parseDnsServer(String text) {
        String v = text.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String host = v;
        String port = "53";
        if (v.startsWith("[")) {
            int end = v.indexOf(']');
            if (end < 0 || (v.length() > end + 1 && v.charAt(end + 1) != ':')) {
                throw new IllegalArgumentException(text);
            }
            host = v.substring(1, end);
            if (v.length() > end + 1) {
                port = v.substring(end + 2);
            }
        } else if (v.chars().filter(c -> c == ':').count() == 1) {
            host = v.substring(0, v.indexOf(':'));
            port = v.substring(v.indexOf(':') + 1);
        }
        boolean hostOk = host.contains(":") ? host.matches("[0-9A-Fa-f:.]+") : host.matches("[\\p{L}\\p{N}.-]+");
        if (!hostOk || !port.matches("\\d{1,5}")) {
            throw new IllegalArgumentException(text);
        }
        int p = Integer.parseInt(port);
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException(text);
        }
        return Optional.of(InetSocketAddress.createUnresolved(host, p));
    }

    /// Like {@link #parseDnsServer(String)}, empty for text that does not parse.
    public Optional<InetSocketAddress> dnsServerAddress() {
        try {
            return parseDnsServer(dnsServer());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /// Writes the file (temp file + atomic move); a failure is logged: losing a preference is harmless.
    public void save() {
        Properties copy;
        synchronized (this) {
            copy = (Properties) values.clone();
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "ui-preferences", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                copy.store(out, "Relay Doctor preferences");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log().warn("Could not save preferences to {}: {}", file, e.toString());
        }
    }
}
