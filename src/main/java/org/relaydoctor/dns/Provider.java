package org.relaydoctor.dns;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.relaydoctor.profile.Security;

/// One mail provider of the catalogue: how its MX hosts are named and the settings it publishes for mail programs.
///
/// @param id       a stable id ("yandex")
/// @param name     the provider's name as users know it
/// @param mx       MX host patterns: exact names, `*.suffix`, `{domain}` for the account's own domain
/// @param domains  e-mail domains the provider itself hosts (gmail.com), for suggestions without DNS
/// @param imap     the published IMAP setting, if any
/// @param pop3     the published POP3 setting, if any
/// @param smtp     the published outgoing setting, if any
/// @param support  the support address the report's e-mail draft goes to, if the provider takes e-mail
/// @param notes    quirks worth showing (app passwords, SMTP AUTH switches), in the languages the catalogue has
/// @param login    the user name it expects: the whole address or the part before the @
/// @param source   where the settings were read
public record Provider(String id, String name, List<String> mx, List<String> domains, Optional<ServerSetting> imap,
        Optional<ServerSetting> pop3, Optional<ServerSetting> smtp, Optional<String> support, List<org.relaydoctor.profile.LocalizedText> notes,
        Login login, String source) {

    /// The user name a provider expects in the mail program.
    public enum Login {
        /// The whole e-mail address (anna@example.ru).
        ADDRESS,
        /// The part before the @ (anna).
        LOCAL_PART
    }

    public Provider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        mx = List.copyOf(mx);
        domains = List.copyOf(domains);
        notes = List.copyOf(notes);
    }

    /// Whether `host` is one of this provider's MX hosts for an account in `accountDomain`.
    public boolean servesMx(String host, String accountDomain) {
        String h = DnsLookup.strip(host).toLowerCase(Locale.ROOT);
        String d = accountDomain.toLowerCase(Locale.ROOT);
        for (String pattern : mx) {
            String p = pattern.toLowerCase(Locale.ROOT);
            if (p.contains("{domain}")) {
                if (d.isEmpty()) {
                    continue;
                }
                p = p.replace("{domain}", d);
            }
            if (p.startsWith("*.") ? h.endsWith(p.substring(1)) && h.length() > p.length() - 1 : h.equals(p)) {
                return true;
            }
        }
        return false;
    }

    /// Whether this entry stands for "the domain's own server" rather than a provider.
    public boolean ownServer() {
        return mx.stream().anyMatch(p -> p.contains("{domain}"));
    }

    /// The published settings of one server.
    public record ServerSetting(String host, int port, Security security) {
        public ServerSetting {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(security, "security");
        }
    }
}
