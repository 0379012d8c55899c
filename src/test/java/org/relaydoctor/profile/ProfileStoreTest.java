package org.relaydoctor.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    @TempDir
    Path dir;

    private ProfileStore store() {
        return new ProfileStore(dir);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private List<Path> brokenCopies() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("profiles.json.broken-")).toList();
        }
    }

    @Nested
    class RoundTrip {
        @Test
        void emptyFolderLoadsNothingAndNoProblems() throws IOException {
            ProfileLoad load = new ProfileStore(dir.resolve("not-yet")).load();
            assertThat(load.profiles()).isEmpty();
            assertThat(load.problems()).isEmpty();
            assertThat(load.readOnly()).isFalse();
        }

        @Test
        void savedProfilesComeBackEqual() throws IOException {
            StoredProfile office = StoredProfile.create(SampleProfiles.office()).withRememberPassword(true)
                    .withLastResult(new LastResult("AUTH_REQUIRED", Instant.parse("2026-11-28T10:15:30Z")));
            StoredProfile hosting = StoredProfile.create(SampleProfiles.hosting());
            store().save(List.of(office, hosting));

            ProfileLoad load = store().load();
            assertThat(load.problems()).isEmpty();
            assertThat(load.profiles()).containsExactly(office, hosting);
        }

        @Test
        void fileIsStampedWithSchemaAndWriterVersion() throws IOException {
            store().save(List.of(StoredProfile.create(SampleProfiles.office())));
            String text = read(store().file());
            assertThat(text).contains("\"schemaVersion\" : 1").contains("\"writtenBy\" : \"Relay Doctor ");
        }

        @Test
        void previousVersionIsKeptAsBackup() throws IOException {
            StoredProfile first = StoredProfile.create(SampleProfiles.office());
            store().save(List.of(first));
            String firstText = read(store().file());
            store().save(List.of(first, StoredProfile.create(SampleProfiles.hosting())));

            assertThat(read(store().backupFile())).isEqualTo(firstText);
            assertThat(store().load().profiles()).hasSize(2);
            try (Stream<Path> s = Files.list(dir)) {
                assertThat(s.map(p -> p.getFileName().toString()))
                        .as("no temporary files left behind")
                        .noneMatch(n -> n.endsWith(".tmp"));
            }
        }

        @Test
        void recordResultAndRemoveChangeOnlyTheirProfile() throws IOException {
            StoredProfile a = StoredProfile.create(SampleProfiles.office());
            StoredProfile b = StoredProfile.create(SampleProfiles.hosting());
            store().save(List.of(a, b));
            LastResult result = new LastResult("OK", Instant.parse("2026-11-28T11:00:00Z"));

            store().recordResult(b.id(), result);
            assertThat(store().load().profiles()).containsExactly(a, b.withLastResult(result));

            assertThat(store().remove(a.id())).isTrue();
            assertThat(store().remove(a.id())).isFalse();
            assertThat(store().load().profiles()).extracting(StoredProfile::id).containsExactly(b.id());
        }
    }

    @Nested
    class Migration {
        @Test
        void version0FileBecomesVersion1Profiles() throws IOException {
            try (InputStream in = getClass().getResourceAsStream("profiles-v0.json")) {
                Files.write(store().file(), in.readAllBytes());
            }
            ProfileLoad load = store().load();

            assertThat(load.problems()).isEmpty();
            assertThat(load.profiles()).hasSize(2);
            AccountProfile office = load.profiles().get(0).profile();
            assertThat(office.name()).isEqualTo("Office");
            assertThat(office.displayName()).isEqualTo("Anna Petrova");
            assertThat(office.incoming()).isEqualTo(
                    new IncomingServer(MailProtocol.POP3, "pop.example.ru", 995, Security.SSL_TLS));
            assertThat(office.outgoing()).isEqualTo(new OutgoingServer("smtp.example.ru", 587, Security.STARTTLS));
            assertThat(office.smtpAuth()).isEqualTo(new SmtpAuth.SameAsIncoming());
            AccountProfile old = load.profiles().get(1).profile();
            assertThat(old.smtpAuth()).isEqualTo(new SmtpAuth.Off());
            assertThat(old.logOnToIncomingFirst()).isTrue();
            assertThat(old.outgoing()).isEqualTo(new OutgoingServer("mail.shop.example.ua", 25, Security.NONE));
        }

        @Test
        void savingAMigratedFileWritesVersion1AndKeepsTheOldOneAsBackup() throws IOException {
            byte[] v0;
            try (InputStream in = getClass().getResourceAsStream("profiles-v0.json")) {
                v0 = in.readAllBytes();
            }
            Files.write(store().file(), v0);
            store().save(store().load().profiles());

            assertThat(read(store().file())).contains("\"schemaVersion\" : 1").doesNotContain("accounts");
            assertThat(Files.readAllBytes(store().backupFile())).isEqualTo(v0);
            assertThat(store().load().profiles()).extracting(StoredProfile::name).containsExactly("Office", "Old hosting");
        }
    }

    @Nested
    class Corruption {
        private List<StoredProfile> saveTwice() throws IOException {
            List<StoredProfile> good = List.of(StoredProfile.create(SampleProfiles.office()),
                    StoredProfile.create(SampleProfiles.hosting()));
            store().save(good);
            store().save(good); // now the backup holds the same two profiles
            return good;
        }

        @Test
        void truncatedFileFallsBackToBackupAndIsKeptAside() throws IOException {
            List<StoredProfile> good = saveTwice();
            String text = read(store().file());
            String truncated = text.substring(0, text.length() / 2);
            Files.writeString(store().file(), truncated);

            ProfileLoad load = store().load();

            assertThat(load.profiles()).containsExactlyElementsOf(good);
            assertThat(load.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ProfileProblem.Kind.UNREADABLE_FILE_BACKUP_USED);
                assertThat(p.detail()).contains("line");
                assertThat(p.backup()).contains(store().backupFile());
                assertThat(p.keptAs()).isPresent();
                assertThat(read(p.keptAs().orElseThrow())).isEqualTo(truncated);
            });
            assertThat(brokenCopies()).hasSize(1);
        }

        @Test
        void savingAfterAnUnreadableFileDoesNotOverwriteTheGoodBackup() throws IOException {
            List<StoredProfile> good = saveTwice();
            String backupBefore = read(store().backupFile());
            Files.writeString(store().file(), "{ this is not json");

            store().save(store().load().profiles());

            assertThat(read(store().backupFile())).isEqualTo(backupBefore);
            assertThat(store().load().profiles()).containsExactlyElementsOf(good);
            assertThat(brokenCopies()).singleElement().satisfies(p -> assertThat(read(p)).isEqualTo("{ this is not json"));
        }

        @Test
        void savingOverAnUnreadableFileNeverLoadedSetsItAside() throws IOException {
            Files.writeString(store().file(), "garbage");
            store().save(List.of(StoredProfile.create(SampleProfiles.office())));
            assertThat(brokenCopies()).singleElement().satisfies(p -> assertThat(read(p)).isEqualTo("garbage"));
            assertThat(store().backupFile()).doesNotExist();
        }

        @Test
        void wrongJsonWithoutBackupSaysSoAndLoadsNothing() throws IOException {
            Files.writeString(store().file(), "[1, 2, 3]");
            ProfileLoad load = store().load();
            assertThat(load.profiles()).isEmpty();
            assertThat(load.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ProfileProblem.Kind.UNREADABLE_FILE_NO_BACKUP);
                assertThat(p.detail()).contains("object");
            });
        }

        @Test
        void emptyFileIsUnreadableNotEmptyList() throws IOException {
            saveTwice();
            Files.writeString(store().file(), "");
            ProfileLoad load = store().load();
            assertThat(load.profiles()).hasSize(2);
            assertThat(load.problems()).extracting(ProfileProblem::kind)
                    .containsExactly(ProfileProblem.Kind.UNREADABLE_FILE_BACKUP_USED);
        }

        @Test
        void unknownFieldsAreIgnored() throws IOException {
            Files.writeString(store().file(), """
                    {"schemaVersion": 1, "writtenBy": "Relay Doctor 9", "colour": "blue",
                     "profiles": [{"name": "Home", "email": "me@example.org", "favourite": true,
                                   "outgoing": {"host": "smtp.example.org", "port": 465, "security": "ssl_tls", "x": 1},
                                   "incoming": {"protocol": "IMAP", "host": "imap.example.org", "security": "SSL_TLS"}}]}
                    """);
            ProfileLoad load = store().load();
            assertThat(load.problems()).isEmpty();
            AccountProfile home = load.profiles().getFirst().profile();
            assertThat(home.outgoing()).isEqualTo(new OutgoingServer("smtp.example.org", 465, Security.SSL_TLS));
            assertThat(home.incoming().port()).as("default IMAPS port").isEqualTo(993);
        }

        @Test
        void wrongSchemaVersionValueIsUnreadable() throws IOException {
            saveTwice();
            Files.writeString(store().file(), "{\"schemaVersion\": \"one\", \"profiles\": []}");
            ProfileLoad load = store().load();
            assertThat(load.profiles()).hasSize(2);
            assertThat(load.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ProfileProblem.Kind.UNREADABLE_FILE_BACKUP_USED);
                assertThat(p.detail()).contains("schemaVersion");
            });
        }

        @Test
        void newerSchemaIsRefusedAndLeftUntouched() throws IOException {
            saveTwice();
            String newer = """
                    {"schemaVersion": 7, "writtenBy": "Relay Doctor 5.0", "profiles": [{"anything": "new"}]}
                    """;
            Files.writeString(store().file(), newer);

            ProfileLoad load = store().load();
            assertThat(load.readOnly()).isTrue();
            assertThat(load.profiles()).isEmpty();
            assertThat(load.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ProfileProblem.Kind.NEWER_SCHEMA);
                assertThat(p.detail()).contains("7");
            });
            assertThatThrownBy(() -> store().save(List.of(StoredProfile.create(SampleProfiles.office()))))
                    .isInstanceOf(ProfileStoreException.class)
                    .hasMessageContaining("newer Relay Doctor");
            assertThatThrownBy(() -> store().update(l -> l)).isInstanceOf(ProfileStoreException.class);
            assertThat(read(store().file())).isEqualTo(newer);
            assertThat(brokenCopies()).isEmpty();
        }

        @Test
        void oneBrokenEntryAmongGoodOnesCostsOnlyItself() throws IOException {
            Files.writeString(store().file(), """
                    {"schemaVersion": 1, "profiles": [
                      {"id": "a", "name": "Good one", "email": "a@example.org", "outgoing": {"host": "smtp.example.org", "port": 587, "security": "STARTTLS"}},
                      {"id": "b", "name": "Bad port", "email": "b@example.org", "outgoing": {"host": "smtp.example.org", "port": 70000}},
                      {"id": "c", "name": "Bad type", "email": "c@example.org", "outgoing": {"host": "smtp.example.org", "port": "five"}},
                      {"id": "d", "name": "Good two", "email": "d@example.org", "outgoing": {"host": "mail.example.org"}},
                      "just a string"
                    ]}
                    """);
            ProfileLoad load = store().load();

            assertThat(load.profiles()).extracting(StoredProfile::name).containsExactly("Good one", "Good two");
            assertThat(load.profiles().get(1).profile().outgoing().port()).as("default SMTP port").isEqualTo(25);
            assertThat(load.problems()).hasSize(3).allSatisfy(p -> {
                assertThat(p.kind()).isEqualTo(ProfileProblem.Kind.BROKEN_ENTRY);
                assertThat(p.keptAs()).isPresent();
            });
            assertThat(load.problems()).extracting(ProfileProblem::entry)
                    .containsExactly("\"Bad port\" (#2)", "\"Bad type\" (#3)", "#5");
            assertThat(load.problems().get(0).detail()).contains("outgoing.port").contains("70000");
            assertThat(load.problems().get(1).detail()).contains("outgoing.port");
            assertThat(brokenCopies()).singleElement()
                    .satisfies(p -> assertThat(read(p)).contains("Bad port").contains("Bad type"));
        }

        @Test
        void missingFileWithBackupLoadsTheBackup() throws IOException {
            List<StoredProfile> good = saveTwice();
            Files.delete(store().file());
            ProfileLoad load = store().load();
            assertThat(load.profiles()).containsExactlyElementsOf(good);
            assertThat(load.problems()).extracting(ProfileProblem::kind)
                    .containsExactly(ProfileProblem.Kind.MISSING_FILE_BACKUP_USED);
        }
    }

    @Nested
    class ConcurrentSaves {
        @Test
        void savesFromManyThreadsNeverCorruptTheFile() throws Exception {
            int threads = 8;
            int rounds = 25;
            List<List<StoredProfile>> versions = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int size = t + 1;
                versions.add(IntStream.rangeClosed(1, size)
                        .mapToObj(n -> StoredProfile.create(SampleProfiles.numbered(n))).toList());
            }
            ProfileStore shared = store();
            CountDownLatch start = new CountDownLatch(1);
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    List<StoredProfile> mine = versions.get(t);
                    // a store object per thread too: only the file lock can keep those apart
                    ProfileStore own = t % 2 == 0 ? shared : store();
                    futures.add(pool.submit(() -> {
                        start.await();
                        for (int r = 0; r < rounds; r++) {
                            own.save(mine);
                            ProfileLoad seen = own.load();
                            assertThat(seen.problems()).isEmpty();
                            assertThat(versions).contains(seen.profiles());
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) {
                    f.get();
                }
            }
            ProfileLoad end = store().load();
            assertThat(end.problems()).isEmpty();
            assertThat(versions).contains(end.profiles());
            assertThat(brokenCopies()).isEmpty();
        }

        @Test
        void concurrentUpdatesAreSerialisedSoNoneIsLost() throws Exception {
            int threads = 6;
            CountDownLatch start = new CountDownLatch(1);
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int n = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        store().update(list -> {
                            list.add(StoredProfile.create(SampleProfiles.numbered(n)));
                            return list;
                        });
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) {
                    f.get();
                }
            }
            assertThat(store().load().profiles()).hasSize(threads);
        }
    }

    @Test
    void storedProfileRequiresAnId() {
        assertThatThrownBy(() -> new StoredProfile(" ", SampleProfiles.office(), false, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
