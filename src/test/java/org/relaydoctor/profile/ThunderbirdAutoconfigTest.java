package org.relaydoctor.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/// All look-ups go to an in-process HTTP server on 127.0.0.1; nothing leaves the machine.
class ThunderbirdAutoconfigTest {
    static final String EXAMPLE_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <clientConfig version="1.1">
              <emailProvider id="example.ru">
                <domain>example.ru</domain>
                <displayName>Example Mail</displayName>
                <displayShortName>Example</displayShortName>
                <incomingServer type="exchange">
                  <hostname>ews.example.ru</hostname>
                </incomingServer>
                <incomingServer type="imap">
                  <hostname>imap.example.ru</hostname>
                  <port>993</port>
                  <socketType>SSL</socketType>
                  <authentication>password-cleartext</authentication>
                  <username>%EMAILADDRESS%</username>
                </incomingServer>
                <incomingServer type="pop3">
                  <hostname>pop.example.ru</hostname>
                  <port>995</port>
                  <socketType>SSL</socketType>
                  <username>%EMAILADDRESS%</username>
                </incomingServer>
                <outgoingServer type="smtp">
                  <hostname>smtp.example.ru</hostname>
                  <port>587</port>
                  <socketType>STARTTLS</socketType>
                  <authentication>password-cleartext</authentication>
                  <username>%EMAILLOCALPART%</username>
                </outgoingServer>
                <documentation url="https://help.example.ru/mail/clients">
                  <descr lang="en">Mail client settings</descr>
                </documentation>
              </emailProvider>
            </clientConfig>
            """;

    private HttpServer server;
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requested.add(exchange.getRequestURI().toString());
            if (path.startsWith("/slow/")) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String body = files.get(path);
            byte[] bytes = body == null ? "not found".getBytes(StandardCharsets.UTF_8) : body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /// Generous time-outs: the build machines are shared and slow; only the hanging-server test uses a short one.
    private ThunderbirdAutoconfig autoconfig(String... templates) {
        return new ThunderbirdAutoconfig(List.of(templates), Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    @Nested
    class WhenTheProviderPublishesAConfig {
        @Test
        void firstImapAndSmtpServersBecomeTheSuggestion() throws InterruptedException {
            files.put("/autoconfig.example.ru/mail/config-v1.1.xml", EXAMPLE_XML);
            Optional<AccountSuggestion> s = autoconfig(base() + "/autoconfig.{domain}/mail/config-v1.1.xml?emailaddress={email}")
                    .lookup("anna.petrova@example.ru");

            assertThat(s).isPresent();
            AccountSuggestion suggestion = s.get();
            assertThat(suggestion.source()).isEqualTo(AccountSuggestion.Source.AUTOCONFIG);
            assertThat(suggestion.provider()).isEqualTo("Example Mail");
            AccountProfile p = suggestion.profile();
            assertThat(p.incoming()).isEqualTo(new IncomingServer(MailProtocol.IMAP, "imap.example.ru", 993, Security.SSL_TLS));
            assertThat(p.outgoing()).isEqualTo(new OutgoingServer("smtp.example.ru", 587, Security.STARTTLS));
            assertThat(p.login()).isEqualTo("anna.petrova@example.ru");
            assertThat(p.smtpAuth()).as("%EMAILLOCALPART% differs from the incoming login")
                    .isEqualTo(new SmtpAuth.OwnLogin("anna.petrova"));
            assertThat(requested).singleElement().asString().contains("emailaddress=anna.petrova%40example.ru");
        }

        @Test
        void theWellKnownPathIsTriedWhenTheAutoconfigHostHasNothing() throws InterruptedException {
            files.put("/example.ru/.well-known/autoconfig/mail/config-v1.1.xml", EXAMPLE_XML);
            Optional<AccountSuggestion> s = autoconfig(
                    base() + "/autoconfig.{domain}/mail/config-v1.1.xml?emailaddress={email}",
                    base() + "/{domain}/.well-known/autoconfig/mail/config-v1.1.xml").lookup("a@example.ru");
            assertThat(s).map(x -> x.profile().outgoing().host()).contains("smtp.example.ru");
            assertThat(requested).hasSize(2);
        }
    }

    @Nested
    class WhenThereIsNothingUsable {
        @Test
        void notFoundEverywhereGivesNothing() throws InterruptedException {
            assertThat(autoconfig(base() + "/{domain}/a.xml", base() + "/{domain}/b.xml").lookup("a@example.ru")).isEmpty();
        }

        @Test
        void notXmlOrWithoutServersGivesNothing() throws InterruptedException {
            files.put("/example.ru/a.xml", "<html>parked domain</html>");
            files.put("/example.ru/b.xml", "<clientConfig><emailProvider id='x'><incomingServer type='imap'>"
                    + "<hostname>imap.x</hostname></incomingServer></emailProvider></clientConfig>");
            assertThat(autoconfig(base() + "/{domain}/a.xml", base() + "/{domain}/b.xml").lookup("a@example.ru")).isEmpty();
        }

        @Test
        void aDoctypeIsRefused() throws InterruptedException {
            files.put("/example.ru/a.xml", "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
                    + EXAMPLE_XML.substring(EXAMPLE_XML.indexOf("<clientConfig")).replace("Example Mail", "&e;"));
            assertThat(autoconfig(base() + "/{domain}/a.xml").lookup("a@example.ru")).isEmpty();
        }

        @Test
        void aServerThatNeverAnswersIsGivenUpOnAfterTheTimeOut() throws InterruptedException {
            files.put("/slow/example.ru.xml", EXAMPLE_XML);
            ThunderbirdAutoconfig impatient = new ThunderbirdAutoconfig(List.of(base() + "/slow/{domain}.xml"),
                    Duration.ofSeconds(10), Duration.ofMillis(300));
            assertThat(impatient.lookup("a@example.ru")).isEmpty();
            assertThat(requested).hasSize(1);
        }

        @Test
        void aMalformedAddressIsNotLookedUp() throws InterruptedException {
            ThunderbirdAutoconfig a = autoconfig(base() + "/{domain}/a.xml");
            assertThat(a.lookup("no-at-sign")).isEmpty();
            assertThat(a.lookup("a@bad/domain")).isEmpty();
            assertThat(requested).isEmpty();
        }
    }

    @Test
    void setupSuggestionsPutTheCatalogueFirstAndSurviveAFailingSource() throws InterruptedException {
        files.put("/example.ru/a.xml", EXAMPLE_XML);
        AccountProfile catalogued = SampleProfiles.office();
        AccountSetupSuggestions.Source catalogue = email -> List.of(new AccountSuggestion(
                AccountSuggestion.Source.CATALOG, "Example", catalogued, "catalog.json: example.ru", List.of()));
        AccountSetupSuggestions.Source broken = email -> {
            throw new IOException("DNS server unreachable");
        };
        List<AccountSuggestion> all = AccountSetupSuggestions
                .withAutoconfig(autoconfig(base() + "/{domain}/a.xml"), List.of(broken, catalogue))
                .suggest("a@example.ru");
        assertThat(all).extracting(AccountSuggestion::source)
                .containsExactly(AccountSuggestion.Source.CATALOG, AccountSuggestion.Source.AUTOCONFIG);
    }
}
