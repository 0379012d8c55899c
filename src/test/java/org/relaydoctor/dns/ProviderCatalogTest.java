package org.relaydoctor.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.relaydoctor.profile.AccountSuggestion;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.Security;

class ProviderCatalogTest {
    private final ProviderCatalog catalog = ProviderCatalog.bundled();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "mx1.hosting.reg.ru, regru-hosting",
        "MX2.hosting.reg.ru., regru-hosting",
        "mxs1.reg.ru, regru-spam-protection",
        "mxs2.reg.ru, regru-spam-protection",
        "mx.yandex.net, yandex",
        "aspmx.l.google.com, google",
        "alt3.aspmx.l.google.com, google",
        "aspmx4.googlemail.com, google",
        "emx.mail.ru, mailru-business",
        "contoso-com.mail.protection.outlook.com, microsoft365",
        "mx2.zoho.eu, zoho",
        "mx1.beget.com, beget",
        "mx2.timeweb.ru, timeweb",
        "mx.freehost.com.ua, freehost-ua",
        "mail.example.org, own",
        "example.org, own",
    })
    void recognisesProvidersFromMxHosts(String host, String id) {
        assertThat(catalog.forMxHost(host, "example.org")).map(Provider::id).contains(id);
    }

    @Test
    void unknownHostsAndLookAlikesAreNotRecognised() {
        assertThat(catalog.forMxHost("mx.yandex.net.evil.example", "example.org")).isEmpty();
        assertThat(catalog.forMxHost("mail.protection.outlook.com", "example.org")).isEmpty();
        assertThat(catalog.forMxHost("notexample.org", "example.org")).isEmpty();
        assertThat(catalog.forMxHost("mx1.hosting.reg.ru", "")).map(Provider::id).contains("regru-hosting");
    }

    @Test
    void everyProviderButOwnServerPublishesSettings() {
        assertThat(catalog.providers()).hasSizeGreaterThanOrEqualTo(11);
        for (Provider p : catalog.providers()) {
            if (p.ownServer()) {
                assertThat(p.smtp()).as(p.id()).isEmpty();
                continue;
            }
            assertThat(p.smtp()).as(p.id()).isPresent();
            assertThat(p.imap().or(p::pop3)).as(p.id()).isPresent();
            assertThat(p.source()).as(p.id()).isNotBlank();
        }
        assertThat(catalog.providers().getLast().ownServer()).as("own server is matched last").isTrue();
    }

    @Test
    void supportAddressesAndSettingsForTheReport() {
        assertThat(catalog.supportAddress("regru-hosting")).contains("support@reg.ru");
        assertThat(catalog.supportAddress("own")).isEmpty();
        assertThat(catalog.supportAddress("no-such-provider")).isEmpty();
        Provider ms = catalog.byId("microsoft365").orElseThrow();
        assertThat(ms.smtp()).contains(new Provider.ServerSetting("smtp.office365.com", 587, Security.STARTTLS));
    }

    @Test
    void suggestionFromTheCatalogueFillsAProfile() {
        AccountSuggestion s = catalog.suggestion(catalog.byId("yandex").orElseThrow(), "anna@example.org", "MX mx.yandex.net")
                .orElseThrow();
        assertThat(s.source()).isEqualTo(AccountSuggestion.Source.CATALOG);
        assertThat(s.profile().outgoing().host()).isEqualTo("smtp.yandex.ru");
        assertThat(s.profile().outgoing().port()).isEqualTo(465);
        assertThat(s.profile().incoming().protocol()).isEqualTo(MailProtocol.IMAP);
        assertThat(s.origin()).contains("yandex").contains("MX mx.yandex.net");
        assertThat(catalog.suggestion(catalog.byId("own").orElseThrow(), "a@example.org", "")).isEmpty();
    }

    @Test
    void byDomainSourceNeedsNoNetwork() throws Exception {
        assertThat(catalog.byDomainSource().suggest("bob@gmail.com")).singleElement()
                .satisfies(s -> assertThat(s.profile().outgoing().host()).isEqualTo("smtp.gmail.com"));
        assertThat(catalog.byDomainSource().suggest("bob@unknown.example")).isEmpty();
    }

    @Test
    void defaultBlocklistsIncludeAPolicyList() {
        DnsBlocklist zen = catalog.blocklists().stream().filter(b -> b.zone().equals("zen.spamhaus.org")).findFirst()
                .orElseThrow();
        assertThat(zen.policy(List.of("127.0.0.11"))).isTrue();
        assertThat(zen.policy(List.of("127.0.0.2"))).isFalse();
        assertThat(DnsBlocklist.parse("pbl.example:policy").policy(List.of("127.0.0.2"))).isTrue();
        assertThatThrownBy(() -> DnsBlocklist.parse("not a zone")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedCataloguesAreRejected() {
        assertThatThrownBy(() -> parse("{\"providers\":[{\"id\":\"x\"}]}")).isInstanceOf(IOException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> parse("{\"providers\":[{\"id\":\"x\",\"name\":\"X\",\"smtp\":{\"host\":\"h\",\"port\":0,"
                + "\"security\":\"SSL_TLS\"}}]}")).isInstanceOf(IOException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> parse("{\"providers\":[{\"id\":\"x\",\"name\":\"X\",\"smtp\":{\"host\":\"h\",\"port\":25,"
                + "\"security\":\"TLS9\"}}]}")).isInstanceOf(IOException.class).hasMessageContaining("security");
    }

    @Test
    void theIssuesProvidersAreThereEachWithLoginFormatSourceAndTranslatedQuirks() throws Exception {
        for (String domain : List.of("yandex.ru", "mail.ru", "gmail.com", "outlook.com", "icloud.com", "me.com",
                "zoho.com")) {
            assertThat(catalog.forEmailDomain(domain)).as(domain).isPresent();
        }
        for (String id : List.of("regru-hosting", "beget", "timeweb", "freehost-ua", "microsoft365")) {
            assertThat(catalog.byId(id)).as(id).isPresent();
        }
        for (Provider p : catalog.providers()) {
            assertThat(p.source()).as("source of %s", p.id()).isNotBlank();
            for (org.relaydoctor.profile.LocalizedText note : p.notes()) {
                assertThat(note.byLanguage()).as("note of %s", p.id()).containsKeys("en", "ru", "uk");
                assertThat(note.in(java.util.Locale.of("ru"))).containsPattern("[а-яА-Я]");
            }
        }
        assertThat(catalog.byDomainSource().suggest("anna@icloud.com")).singleElement().satisfies(s -> {
            assertThat(s.profile().incoming().host()).isEqualTo("imap.mail.me.com");
            assertThat(s.profile().outgoing()).isEqualTo(new org.relaydoctor.profile.OutgoingServer(
                    "smtp.mail.me.com", 587, org.relaydoctor.profile.Security.STARTTLS));
            assertThat(s.profile().login()).isEqualTo("anna@icloud.com");
            assertThat(s.notes()).isNotEmpty();
        });
    }

    @Test
    void aLocalPartLoginAndNotesByLanguageAreRead() throws Exception {
        ProviderCatalog c = parse("""
                {"providers": [{"id": "x", "name": "X", "domains": ["x.example"], "login": "localPart",
                  "imap": {"host": "imap.x.example", "port": 993, "security": "SSL_TLS"},
                  "smtp": {"host": "smtp.x.example", "port": 465, "security": "SSL_TLS"},
                  "notes": [{"en": "App password", "ru": "Пароль приложения"}, "English only"]}]}""");
        var s = c.byDomainSource().suggest("anna@x.example").getFirst();
        assertThat(s.profile().login()).isEqualTo("anna");
        assertThat(s.notes()).extracting(n -> n.in(java.util.Locale.of("ru")))
                .containsExactly("Пароль приложения", "English only");
        assertThat(s.notes()).extracting(n -> n.in(java.util.Locale.of("uk")))
                .containsExactly("App password", "English only");
        assertThatThrownBy(() -> parse("{\"providers\":[{\"id\":\"x\",\"name\":\"X\",\"login\":\"uid\"}]}"))
                .isInstanceOf(IOException.class).hasMessageContaining("login");
    }

    private static ProviderCatalog parse(String json) throws IOException {
        return ProviderCatalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
