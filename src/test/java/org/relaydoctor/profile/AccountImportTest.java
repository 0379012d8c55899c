package org.relaydoctor.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.relaydoctor.diagnosis.Messages;

class AccountImportTest {
    static Path resource(String name) {
        try {
            return Path.of(AccountImportTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class Thunderbird {
        private final AccountImport result;

        Thunderbird() throws IOException {
            result = ThunderbirdImport.read(resource("thunderbird"));
        }

        @Test
        void readsTheMailAccountsInTheAccountManagersOrderAndSkipsTheOthers() {
            assertThat(result.accounts()).extracting(a -> a.profile().name())
                    .containsExactly("Work (example.ru)", "buh@kvitka.example.ua", "anna.p@gmail.example");
            assertThat(result.skipped()).extracting(ImportNote::detail)
                    .containsExactly("Blogs & News Feeds (rss)", "Local Folders (none)");
        }

        @Test
        void imapOverSslWithStartTlsSubmission() {
            AccountProfile work = result.accounts().get(0).profile();
            assertThat(work.displayName()).isEqualTo("Анна Петрова");
            assertThat(work.email()).isEqualTo("anna.petrova@example.ru");
            assertThat(work.login()).isEqualTo("anna.petrova@example.ru");
            assertThat(work.incoming()).isEqualTo(new IncomingServer(MailProtocol.IMAP, "imap.example.ru", 993, Security.SSL_TLS));
            assertThat(work.outgoing()).isEqualTo(new OutgoingServer("smtp.example.ru", 587, Security.STARTTLS));
            assertThat(work.smtpAuth()).isEqualTo(new SmtpAuth.SameAsIncoming());
            assertThat(result.accounts().get(0).notes()).isEmpty();
        }

        @Test
        void oldStylePrefsPopWithoutSmtpLogOn() {
            AccountProfile shop = result.accounts().get(1).profile();
            assertThat(shop.displayName()).isEqualTo("Shop \"Kvitka\" accounting");
            assertThat(shop.incoming()).isEqualTo(new IncomingServer(MailProtocol.POP3, "mail.kvitka.example.ua", 110, Security.NONE));
            assertThat(shop.outgoing()).as("try_ssl 1 = STARTTLS when offered")
                    .isEqualTo(new OutgoingServer("mail.kvitka.example.ua", 25, Security.AUTO));
            assertThat(shop.smtpAuth()).as("auth_method 0").isEqualTo(new SmtpAuth.Off());
            assertThat(shop.login()).isEqualTo("buh");
        }

        @Test
        void identityWithoutOutgoingServerUsesTheDefaultAndOAuth2IsNoted() {
            ImportedAccount gmail = result.accounts().get(2);
            assertThat(gmail.profile().outgoing()).as("port 0 = Thunderbird's default for SSL")
                    .isEqualTo(new OutgoingServer("smtp.gmail.example", 465, Security.SSL_TLS));
            assertThat(gmail.notes()).extracting(ImportNote::kind)
                    .containsExactly(ImportNote.Kind.NO_OUTGOING_SERVER, ImportNote.Kind.OAUTH2_NOT_SUPPORTED);
        }

        @Test
        void aBadValueNamesTheLineAndThePref() {
            assertThatThrownBy(() -> ThunderbirdImport.read(resource("thunderbird/prefs-broken.js")))
                    .isInstanceOf(AccountImportException.class)
                    .hasMessageContaining("prefs-broken.js")
                    .hasMessageContaining("line 7")
                    .hasMessageContaining("mail.server.server1.port");
        }

        @Test
        void aCutOffLineIsNamed() {
            assertThatThrownBy(() -> ThunderbirdImport.read(resource("thunderbird/prefs-truncated.js")))
                    .isInstanceOf(AccountImportException.class)
                    .hasMessageContaining("line 4");
        }

        @Test
        void aPrefsFileWithoutAccountsSaysSo(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("prefs.js");
            Files.writeString(file, "user_pref(\"browser.startup.page\", 3);\n");
            assertThatThrownBy(() -> ThunderbirdImport.read(file))
                    .isInstanceOf(AccountImportException.class)
                    .hasMessageContaining("mail.accountmanager.accounts");
        }
    }

    @Nested
    class Outlook {
        private final AccountImport result;

        Outlook() throws IOException {
            result = OutlookPrfImport.read(resource("outlook/office.prf"));
        }

        @Test
        void readsBothAccountsFromTheUtf16File() {
            assertThat(result.accounts()).extracting(a -> a.profile().name())
                    .containsExactly("Бухгалтерия (hosting)", "Director");
        }

        @Test
        void popAccountThatLogsOnToIncomingBeforeSending() {
            AccountProfile buh = result.accounts().get(0).profile();
            assertThat(buh.displayName()).isEqualTo("Бухгалтерия ООО «Ромашка»");
            assertThat(buh.incoming()).isEqualTo(new IncomingServer(MailProtocol.POP3, "mail.romashka.example.ru", 110, Security.NONE));
            assertThat(buh.outgoing()).isEqualTo(new OutgoingServer("mail.romashka.example.ru", 25, Security.NONE));
            assertThat(buh.logOnToIncomingFirst()).isTrue();
            assertThat(buh.smtpAuth()).isEqualTo(new SmtpAuth.Off());
            assertThat(buh.login()).isEqualTo("buh@romashka.example.ru");
        }

        @Test
        void imapAccountWithItsOwnSmtpLogin() {
            AccountProfile director = result.accounts().get(1).profile();
            assertThat(director.incoming()).isEqualTo(new IncomingServer(MailProtocol.IMAP, "imap.romashka.example.ru", 993, Security.SSL_TLS));
            assertThat(director.outgoing()).isEqualTo(new OutgoingServer("smtp.romashka.example.ru", 587, Security.STARTTLS));
            assertThat(director.smtpAuth()).isEqualTo(new SmtpAuth.OwnLogin("director-relay"));
            assertThat(director.email()).isEqualTo("director@romashka.example.ru");
        }

        @Test
        void aBadNumberNamesTheLineSectionAndKey() {
            assertThatThrownBy(() -> OutlookPrfImport.read(resource("outlook/broken-port.prf")))
                    .isInstanceOf(AccountImportException.class)
                    .hasMessageContaining("line 12")
                    .hasMessageContaining("[Account1] SMTPPort=five-eight-seven");
        }

        @Test
        void anAccountListPointingNowhereIsNamed(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("x.prf");
            Files.writeString(file, "[Internet Account List]\nAccount1=I_Mail\n");
            assertThatThrownBy(() -> OutlookPrfImport.read(file))
                    .isInstanceOf(AccountImportException.class)
                    .hasMessageContaining("line 2").hasMessageContaining("[account1]");
        }
    }

    @Test
    void formatIsToldByNameOrContent(@TempDir Path dir) throws IOException {
        assertThat(AccountImport.Format.detect(resource("outlook/office.prf"))).isEqualTo(AccountImport.Format.OUTLOOK_PRF);
        assertThat(AccountImport.Format.detect(resource("thunderbird"))).isEqualTo(AccountImport.Format.THUNDERBIRD);
        Path unnamed = dir.resolve("settings.txt");
        Files.write(unnamed, Files.readAllBytes(resource("outlook/office.prf")));
        assertThat(AccountImport.Format.detect(unnamed)).isEqualTo(AccountImport.Format.OUTLOOK_PRF);
        Files.writeString(unnamed, "user_pref(\"a\", 1);");
        assertThat(AccountImport.Format.detect(unnamed)).isEqualTo(AccountImport.Format.THUNDERBIRD);
        Files.writeString(unnamed, "  [{\"name\": 1}]");
        assertThat(AccountImport.Format.detect(unnamed)).isEqualTo(AccountImport.Format.RELAY_DOCTOR);
        Files.writeString(unnamed, "hello");
        assertThatThrownBy(() -> AccountImport.Format.detect(unnamed)).isInstanceOf(AccountImportException.class);
    }

    @ParameterizedTest
    @EnumSource(ImportNote.Kind.class)
    void everyNoteHasATextInEnglishAndRussian(ImportNote.Kind kind) {
        for (String language : new String[] {"en", "ru", "uk"}) {
            assertThat(Messages.load("profile", Locale.of(language)).has("profile.import.note." + kind.name()))
                    .as(language).isTrue();
        }
    }
}
