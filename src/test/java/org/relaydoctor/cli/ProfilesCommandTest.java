package org.relaydoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.LastResult;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.ProfileFiles;
import org.relaydoctor.profile.ProfileStore;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SessionSecretStore;
import org.relaydoctor.profile.SmtpAuth;
import org.relaydoctor.profile.StoredProfile;

class ProfilesCommandTest {
    @TempDir
    Path home;

    private final SessionSecretStore secrets = new SessionSecretStore("test");
    private String out;
    private String err;
    private Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = new RelayDoctorCommand(() -> home, () -> secrets)
                .run(args, new PrintWriter(o, true), new PrintWriter(e, true));
        out = o.toString();
        err = e.toString();
        return status;
    }

    private static AccountProfile office() {
        return new AccountProfile("Office", "Anna Petrova", "anna@example.ru",
                new IncomingServer(MailProtocol.IMAP, "imap.example.ru", 993, Security.SSL_TLS),
                new OutgoingServer("smtp.example.ru", 587, Security.STARTTLS), "anna@example.ru",
                new SmtpAuth.SameAsIncoming(), false, "", Duration.ofSeconds(15));
    }

    private StoredProfile saveOffice() throws IOException {
        StoredProfile office = StoredProfile.create(office()).withRememberPassword(true)
                .withLastResult(new LastResult("AUTH_REQUIRED", Instant.parse("2026-11-28T10:15:00Z")));
        new ProfileStore(home).save(List.of(office));
        return office;
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ProfilesCommandTest.class.getResource("/org/relaydoctor/profile/" + name).toURI());
    }

    @Nested
    class WithNoProfiles {
        @Test
        void listSaysThereAreNoneAndWhere() {
            assertThat(run("profiles", "list")).isZero();
            assertThat(out).contains("No saved profiles").contains(home.toString());
        }

        @Test
        void langChoosesTheLanguageOfTheOutput() {
            assertThat(run("profiles", "list", "--lang", "ru")).isZero();
            assertThat(out).contains("Сохранённых профилей нет");
            assertThat(run("profiles", "--lang", "uk", "list")).isZero();
            assertThat(out).contains("Збережених профілів немає");
            assertThat(run("profiles", "show", "Nope", "--lang", "ru")).isEqualTo(2);
            assertThat(err).doesNotContain("No saved profile is called");
        }

        @Test
        void showOfAnUnknownNameIsAUsageError() {
            assertThat(run("profiles", "show", "Nope")).isEqualTo(2);
            assertThat(err).contains("No saved profile is called \"Nope\"");
        }

        @Test
        void exportOfNothingIsAUsageError() {
            assertThat(run("profiles", "export", home.resolve("x.json").toString())).isEqualTo(2);
        }
    }

    @Nested
    class WithSavedProfiles {
        @Test
        void listShowsNameAddressServerAndLastResult() throws IOException {
            saveOffice();
            assertThat(run("profiles", "list")).isZero();
            assertThat(out).contains("Office").contains("anna@example.ru").contains("smtp.example.ru:587 STARTTLS")
                    .contains("AUTH_REQUIRED");
        }

        @Test
        void showPrintsTheSettingsButNoPassword() throws IOException {
            StoredProfile office = saveOffice();
            secrets.put(office.id(), Secret.of("s3cret-pass"));
            assertThat(run("profiles", "show", "office")).isZero();
            assertThat(out).contains("imap.example.ru:993 SSL_TLS").contains("same settings as the incoming server")
                    .contains("Remember password:").doesNotContain("s3cret-pass");
        }

        @Test
        void exportWritesAFileThatReadsBackWithoutPasswords() throws IOException {
            StoredProfile office = saveOffice();
            secrets.put(office.id(), Secret.of("s3cret-pass"));
            Path file = home.resolve("colleague.json");
            assertThat(run("profiles", "export", file.toString(), "Office")).isZero();
            assertThat(out).contains("Exported 1 profile");
            assertThat(ProfileFiles.read(file)).containsExactly(office());
            assertThat(Files.readString(file)).doesNotContain("s3cret-pass");
        }

        @Test
        void deleteRemovesTheProfileAndItsPassword() throws IOException {
            StoredProfile office = saveOffice();
            secrets.put(office.id(), Secret.of("s3cret-pass"));
            assertThat(run("profiles", "delete", "Office")).isZero();
            assertThat(secrets.get(office.id())).isEmpty();
            assertThat(new ProfileStore(home).load().profiles()).isEmpty();
        }

        @Test
        void deleteOfAnUnknownNameIsAUsageErrorAndDeletesNothing() throws IOException {
            StoredProfile office = saveOffice();
            secrets.put(office.id(), Secret.of("s3cret-pass"));
            assertThat(run("profiles", "delete", "Nope")).isEqualTo(2);
            assertThat(err).contains("No saved profile is called \"Nope\"").contains("Office");
            assertThat(out).isEmpty();
            assertThat(new ProfileStore(home).load().profiles()).containsExactly(office);
            assertThat(secrets.get(office.id())).isPresent();
        }

        @Test
        void aDamagedStoreIsReportedAndTheBackupListed() throws IOException {
            saveOffice();
            saveOffice();
            Files.writeString(home.resolve("profiles.json"), "{\"schemaVersion\": 1, \"profiles\": [");
            assertThat(run("profiles", "list")).isZero();
            assertThat(err).contains("could not be read").contains("profiles.json.bak");
            assertThat(out).contains("Office");
        }
    }

    @Nested
    class Import {
        @Test
        void thunderbirdPrefsAreImportedWithNotes() throws Exception {
            assertThat(run("profiles", "import", resource("thunderbird/prefs.js").toString())).isZero();
            assertThat(out).contains("Imported 3 profiles").contains("OAuth2").contains("Left out: Blogs & News Feeds");
            assertThat(new ProfileStore(home).load().profiles()).hasSize(3);
        }

        @Test
        void outlookPrfIsImportedAndNamesAreKeptUnique() throws Exception {
            assertThat(run("profiles", "import", resource("outlook/office.prf").toString())).isZero();
            assertThat(run("profiles", "import", resource("outlook/office.prf").toString())).isZero();
            assertThat(out).contains("Director (2)");
            assertThat(new ProfileStore(home).load().profiles()).extracting(StoredProfile::name)
                    .contains("Director", "Director (2)");
        }

        @Test
        void anExportedFileComesBackIn() throws Exception {
            Path file = home.resolve("in.json");
            ProfileFiles.write(file, office());
            assertThat(run("profiles", "import", file.toString())).isZero();
            assertThat(new ProfileStore(home).load().profiles()).extracting(p -> p.profile()).containsExactly(office());
        }

        @Test
        void aBrokenFileIsAClearMessageNotAStackTrace() throws Exception {
            assertThat(run("profiles", "import", resource("outlook/broken-port.prf").toString())).isEqualTo(2);
            assertThat(err).contains("Cannot import").contains("line 12").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(run("profiles", "import", home.resolve("missing.prf").toString())).isEqualTo(2);
            assertThat(err).contains("missing.prf").doesNotContain("\tat ");
        }
    }

    @Nested
    class ProfileOption {
        @Test
        void aSavedNameResolvesWithItsRememberedPassword() throws Exception {
            StoredProfile office = saveOffice();
            secrets.put(office.id(), Secret.of("s3cret-pass"));
            ProfileReference ref = ProfileReference.resolve("Office", new ProfileStore(home));
            assertThat(ref.profile()).isEqualTo(office());
            assertThat(ref.rememberedPassword(secrets)).contains(Secret.of("s3cret-pass"));
        }

        @Test
        void aFileResolvesWithoutAPassword() throws Exception {
            Path file = home.resolve("one.json");
            ProfileFiles.write(file, office());
            ProfileReference ref = ProfileReference.resolve(file.toString(), new ProfileStore(home));
            assertThat(ref.profile()).isEqualTo(office());
            assertThat(ref.rememberedPassword(secrets)).isEmpty();
        }

        @Test
        void anUnknownValueListsTheSavedNames() throws Exception {
            saveOffice();
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> ProfileReference.resolve("Home", new ProfileStore(home)))
                    .isInstanceOf(ProfileReference.NotFound.class)
                    .hasMessageContaining("saved profiles: Office");
        }
    }
}
