package org.relaydoctor.profile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/// Looks up a domain's mail settings in the format Thunderbird uses (`config-v1.1.xml`): first the provider's
/// autoconfig host, then the domain's well-known path. Short time-outs: a missing host must not stall the
/// editor. Nothing here follows a redirect from HTTPS to plain HTTP.
///
/// The XML: `<emailProvider>` with `<displayName>`, `<incomingServer type="imap|pop3">` and
/// `<outgoingServer type="smtp">`, each with `hostname`, `port`, `socketType` (SSL, STARTTLS, plain),
/// `username` (with `%EMAILADDRESS%`, `%EMAILLOCALPART%`, `%EMAILDOMAIN%`) and `authentication`.
public final class ThunderbirdAutoconfig {
    /// Where Thunderbird looks, in its order; `{domain}` and `{email}` (URL-encoded) are filled in.
    public static final List<String> DEFAULT_LOCATIONS = List.of(
            "https://autoconfig.{domain}/mail/config-v1.1.xml?emailaddress={email}",
            "https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml");

    /// Asked for at the first message, not at class load: the window's first frame does not wait for the logging set-up.
    private static Logger log() {
        return LoggerFactory.getLogger(ThunderbirdAutoconfig.class);
    }
    private static final int MAX_BYTES = 256 * 1024;

    private final Duration connectTimeout;
    private final List<String> locations;
    private final Duration requestTimeout;
    private HttpClient client;

    /// The real lookup: the two public locations, 3 s to connect, 5 s per request.
    public ThunderbirdAutoconfig() {
        this(DEFAULT_LOCATIONS, Duration.ofSeconds(3), Duration.ofSeconds(5));
    }

    /// A lookup against other locations (tests point them at a loopback server).
    public ThunderbirdAutoconfig(List<String> locations, Duration connectTimeout, Duration requestTimeout) {
        this.locations = List.copyOf(locations);
        this.requestTimeout = requestTimeout;
        this.connectTimeout = connectTimeout;
    }

    /// Built on the first look-up: an HTTP client loads the system's TLS trust store, a fifth of the window's start.
    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }
        return client;
    }

    /// The settings for `email` from the first location that answers with a readable file; empty when none
    /// does (no such host, 404, time-out, not the format). Never throws for network trouble.
    public Optional<AccountSuggestion> lookup(String email) throws InterruptedException {
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return Optional.empty();
        }
        String domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        if (!domain.matches("[a-z0-9.-]+") || domain.startsWith(".") || domain.contains("..")) {
            return Optional.empty();
        }
        for (String template : locations) {
            URI uri = URI.create(template.replace("{domain}", domain)
                    .replace("{email}", URLEncoder.encode(email.strip(), StandardCharsets.UTF_8)));
            try {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET()
                        .header("Accept", "application/xml, text/xml").build();
                HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
                byte[] body;
                try (InputStream in = response.body()) {
                    body = in.readNBytes(MAX_BYTES + 1);
                }
                if (response.statusCode() != 200 || body.length > MAX_BYTES) {
                    log().debug("Autoconfig {}: HTTP {}", uri, response.statusCode());
                    continue;
                }
                Optional<AccountSuggestion> parsed = parse(body, email.strip(), uri.toString());
                if (parsed.isPresent()) {
                    return parsed;
                }
            } catch (IOException | IllegalArgumentException e) {
                log().debug("Autoconfig {}: {}", uri, e.toString());
            }
        }
        return Optional.empty();
    }

    /// Reads a `config-v1.1.xml` into a suggestion for `email`; empty when it has no usable incoming (POP3 or
    /// IMAP) and outgoing (SMTP) server.
    static Optional<AccountSuggestion> parse(byte[] xml, String email, String origin) {
        Document doc;
        try {
            doc = builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            log().debug("Autoconfig {} is not readable XML: {}", origin, e.getMessage());
            return Optional.empty();
        }
        Element provider = first(doc.getDocumentElement(), "emailProvider");
        if (provider == null) {
            return Optional.empty();
        }
        String local = email.substring(0, email.lastIndexOf('@'));
        String domain = email.substring(email.lastIndexOf('@') + 1);
        Element incoming = null;
        for (Element e : children(provider, "incomingServer")) {
            String type = e.getAttribute("type");
            if ((type.equals("imap") || type.equals("pop3")) && usable(e)) {
                incoming = e;
                break;
            }
        }
        Element outgoing = null;
        for (Element e : children(provider, "outgoingServer")) {
            if (e.getAttribute("type").equals("smtp") && usable(e)) {
                outgoing = e;
                break;
            }
        }
        if (incoming == null || outgoing == null) {
            return Optional.empty();
        }
        List<LocalizedText> notes = new ArrayList<>();
        MailProtocol protocol = incoming.getAttribute("type").equals("imap") ? MailProtocol.IMAP : MailProtocol.POP3;
        Security inSecurity = security(text(incoming, "socketType"));
        if (inSecurity == Security.AUTO) {
            inSecurity = Security.STARTTLS;
        }
        int inPort = port(text(incoming, "port"), protocol.defaultPort(inSecurity));
        String login = fill(text(incoming, "username"), email, local, domain);
        Security outSecurity = security(text(outgoing, "socketType"));
        int outPort = port(text(outgoing, "port"), ProfileJson.defaultSmtpPort(outSecurity));
        String smtpUser = fill(text(outgoing, "username"), email, local, domain);
        List<String> outAuth = children(outgoing, "authentication").stream().map(e -> e.getTextContent().strip()).toList();
        SmtpAuth auth;
        if (!outAuth.isEmpty() && outAuth.stream().allMatch(a -> a.equals("none") || a.equals("client-IP-address"))) {
            auth = new SmtpAuth.Off();
        } else {
            auth = smtpUser.isEmpty() || smtpUser.equals(login) ? new SmtpAuth.SameAsIncoming() : new SmtpAuth.OwnLogin(smtpUser);
        }
        if (!outAuth.isEmpty() && outAuth.stream().allMatch(a -> a.equals("OAuth2"))) {
            notes.add(new LocalizedText(java.util.Map.of(
                    "en", "The outgoing server accepts only OAuth2 sign-in; an app password may be needed.",
                    "ru", "Сервер исходящей почты принимает только вход через OAuth2; может понадобиться пароль приложения.",
                    "uk", "Сервер вихідної пошти приймає лише вхід через OAuth2; може знадобитися пароль застосунку.")));
        }
        String name = text(provider, "displayName");
        AccountProfile profile = new AccountProfile(email, "", email,
                new IncomingServer(protocol, text(incoming, "hostname"), inPort, inSecurity),
                new OutgoingServer(text(outgoing, "hostname"), outPort, outSecurity),
                login, auth, false, "", AccountProfile.DEFAULT_TIMEOUT);
        return Optional.of(new AccountSuggestion(AccountSuggestion.Source.AUTOCONFIG,
                name.isEmpty() ? provider.getAttribute("id") : name, profile, origin, notes));
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // The file comes from the network: no DTDs, no external entities.
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder builder = f.newDocumentBuilder();
        // Errors become exceptions only; the default handler would print them to stderr.
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return builder;
    }

    private static boolean usable(Element server) {
        return !text(server, "hostname").isEmpty();
    }

    private static Security security(String socketType) {
        return switch (socketType.toUpperCase(Locale.ROOT)) {
            case "SSL", "TLS" -> Security.SSL_TLS;
            case "STARTTLS" -> Security.STARTTLS;
            default -> Security.NONE;
        };
    }

    private static int port(String value, int fallback) {
        try {
            int port = Integer.parseInt(value);
            return port >= 1 && port <= 65535 ? port : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String fill(String template, String email, String local, String domain) {
        return template.replace("%EMAILADDRESS%", email).replace("%EMAILLOCALPART%", local)
                .replace("%EMAILDOMAIN%", domain);
    }

    private static String text(Element parent, String name) {
        Element e = first(parent, name);
        return e == null ? "" : e.getTextContent().strip();
    }

    private static Element first(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        if (parent.getTagName().equals(name)) {
            return parent;
        }
        List<Element> list = children(parent, name);
        return list.isEmpty() ? null : list.getFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }
}
