package org.relaydoctor.dns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.AccountSetupSuggestions;
import org.relaydoctor.profile.AccountSuggestion;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.LocalizedText;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;

/// The mail providers the program knows, read from `providers/catalog.json` (data, not code): MX recognition,
/// each provider's published client settings and its support address.
public final class ProviderCatalog {
    private static final String RESOURCE = "/org/relaydoctor/dns/providers/catalog.json";
    private static volatile ProviderCatalog bundled;

    private final List<Provider> providers;
    private final List<DnsBlocklist> blocklists;

    public ProviderCatalog(List<Provider> providers, List<DnsBlocklist> blocklists) {
        this.providers = List.copyOf(providers);
        this.blocklists = List.copyOf(blocklists);
    }

    /// The catalogue shipped with the program (read once).
    public static ProviderCatalog bundled() {
        ProviderCatalog c = bundled;
        if (c == null) {
            try (InputStream in = ProviderCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + RESOURCE);
                }
                c = parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the provider catalogue", e);
            }
            bundled = c;
        }
        return c;
    }

    /// Reads a catalogue in the format of `catalog.json`; a malformed entry is an error, not skipped.
    public static ProviderCatalog parse(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        List<Provider> out = new ArrayList<>();
        for (JsonNode p : root.path("providers")) {
            String id = required(p, "id");
            out.add(new Provider(id, required(p, "name"), strings(p.path("mx")), strings(p.path("domains")),
                    setting(p, "imap"), setting(p, "pop3"), setting(p, "smtp"),
                    Optional.ofNullable(p.path("support").textValue()), notes(p.path("notes")),
                    login(p), p.path("source").asText("")));
        }
        List<DnsBlocklist> lists = new ArrayList<>();
        for (JsonNode b : root.path("blocklists")) {
            String zone = required(b, "zone");
            lists.add(new DnsBlocklist(zone, b.path("name").asText(zone), strings(b.path("policyCodes")),
                    b.path("policy").asBoolean(false)));
        }
        return new ProviderCatalog(out, lists);
    }

    private static String required(JsonNode n, String field) throws IOException {
        String v = n.path(field).textValue();
        if (v == null || v.isBlank()) {
            throw new IOException("catalogue entry without " + field + ": " + n);
        }
        return v;
    }

    private static Optional<Provider.ServerSetting> setting(JsonNode p, String field) throws IOException {
        JsonNode s = p.path(field);
        if (s.isMissingNode() || s.isNull()) {
            return Optional.empty();
        }
        int port = s.path("port").asInt(-1);
        if (port < 1 || port > 65535) {
            throw new IOException(field + " of " + p.path("id").asText() + ": bad port");
        }
        try {
            return Optional.of(new Provider.ServerSetting(required(s, "host"), port,
                    Security.valueOf(required(s, "security"))));
        } catch (IllegalArgumentException e) {
            throw new IOException(field + " of " + p.path("id").asText() + ": unknown security", e);
        }
    }

    /// A note is a string (English only) or an object of texts by language, "en" required.
    private static List<LocalizedText> notes(JsonNode array) throws IOException {
        List<LocalizedText> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (n.isTextual()) {
                out.add(LocalizedText.of(n.asText()));
            } else if (n.isObject() && n.path("en").isTextual()) {
                java.util.Map<String, String> texts = new java.util.HashMap<>();
                n.properties().forEach(e -> texts.put(e.getKey(), e.getValue().asText()));
                out.add(new LocalizedText(texts));
            } else {
                throw new IOException("a note must be a text or texts by language with \"en\": " + n);
            }
        }
        return out;
    }

    /// How the provider wants the user name: the whole address (the default) or the part before the @.
    private static Provider.Login login(JsonNode p) throws IOException {
        String v = p.path("login").asText("address");
        return switch (v) {
            case "address" -> Provider.Login.ADDRESS;
            case "localPart" -> Provider.Login.LOCAL_PART;
            default -> throw new IOException("login of " + p.path("id").asText() + ": address or localPart, not " + v);
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /// The DNS blocklists looked up by default.
    public List<DnsBlocklist> blocklists() {
        return blocklists;
    }

    public List<Provider> providers() {
        return providers;
    }

    public Optional<Provider> byId(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /// The provider behind an MX host of a domain; "own server" when the host lies in the domain itself.
    public Optional<Provider> forMxHost(String mxHost, String accountDomain) {
        return providers.stream().filter(p -> p.servesMx(mxHost, accountDomain)).findFirst();
    }

    /// The provider that hosts an e-mail domain itself (gmail.com, yandex.ru).
    public Optional<Provider> forEmailDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        return providers.stream().filter(p -> p.domains().contains(d)).findFirst();
    }

    /// The support address of a provider, for the report's e-mail draft.
    public Optional<String> supportAddress(String providerId) {
        return byId(providerId).flatMap(Provider::support);
    }

    /// The provider's published settings as a profile for `email`, when it publishes an outgoing server.
    public Optional<AccountSuggestion> suggestion(Provider p, String email, String origin) {
        if (p.smtp().isEmpty() || p.imap().isEmpty() && p.pop3().isEmpty()) {
            return Optional.empty();
        }
        Provider.ServerSetting in = p.imap().or(p::pop3).orElseThrow();
        MailProtocol protocol = p.imap().isPresent() ? MailProtocol.IMAP : MailProtocol.POP3;
        Provider.ServerSetting out = p.smtp().get();
        String user = p.login() == Provider.Login.LOCAL_PART && email.contains("@")
                ? email.substring(0, email.lastIndexOf('@')) : email;
        AccountProfile profile = new AccountProfile(email, "", email,
                new IncomingServer(protocol, in.host(), in.port(), in.security()),
                new OutgoingServer(out.host(), out.port(), out.security()), user, new SmtpAuth.SameAsIncoming(),
                false, "", AccountProfile.DEFAULT_TIMEOUT);
        return Optional.of(new AccountSuggestion(AccountSuggestion.Source.CATALOG, p.name(), profile,
                "catalog.json: " + p.id() + " (" + origin + ")", p.notes()));
    }

    /// "Fill from provider" without the network: the provider that hosts the address's domain itself.
    public AccountSetupSuggestions.Source byDomainSource() {
        return email -> {
            int at = email.lastIndexOf('@');
            String domain = at < 0 ? "" : email.substring(at + 1);
            return forEmailDomain(domain).flatMap(p -> suggestion(p, email, domain)).stream().toList();
        };
    }

}
