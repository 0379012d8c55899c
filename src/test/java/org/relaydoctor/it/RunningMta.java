package org.relaydoctor.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/// Where the private test mail servers of `src/test/mta/mta-start.sh` listen, as its `ports.env` says.
///
/// @param values the `KEY=value` lines of `ports.env`
public record RunningMta(Map<String, String> values) {

    public RunningMta {
        values = Map.copyOf(values);
    }

    static RunningMta read(Path portsEnv) {
        Map<String, String> values = new LinkedHashMap<>();
        try (Stream<String> lines = Files.lines(portsEnv)) {
            lines.filter(l -> !l.isBlank() && !l.startsWith("#") && l.contains("="))
                    .forEach(l -> values.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + portsEnv, e);
        }
        return new RunningMta(values);
    }

    /// The SMTP listener of a scenario.
    public InetSocketAddress smtp(PostfixScenario scenario) {
        return address("SMTP_" + scenario.key());
    }

    public InetSocketAddress pop3() {
        return address("POP3");
    }

    public InetSocketAddress imap() {
        return address("IMAP");
    }

    /// The test DNS: answers for the test domains and the zen.spamhaus.org listing of 127.0.0.1, forwards nothing.
    public InetSocketAddress dns() {
        return address("DNS");
    }

    /// How long a POP3/IMAP login grants relay on the POP-before-SMTP listener.
    public long popBeforeSmtpTtlSeconds() {
        return Long.parseLong(get("POPB4SMTP_TTL"));
    }

    /// The directory of POP-before-SMTP grants (one file per client IP, stamped at login).
    public Path popBeforeSmtpGrants() {
        return Path.of(get("POPB4SMTP_GRANTS"));
    }

    /// Forgets every POP-before-SMTP grant, so that the next relay attempt is refused until the next login.
    public void revokePopBeforeSmtpGrants() {
        try (Stream<Path> grants = Files.list(popBeforeSmtpGrants())) {
            for (Path grant : grants.toList()) {
                Files.deleteIfExists(grant);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot revoke the POP-before-SMTP grants", e);
        }
    }

    private String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("ports.env has no " + key + ": " + values);
        }
        return value;
    }

    private InetSocketAddress address(String key) {
        String value = get(key);
        int colon = value.lastIndexOf(':');
        return InetSocketAddress.createUnresolved(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
    }
}
