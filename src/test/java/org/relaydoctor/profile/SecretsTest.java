package org.relaydoctor.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
    private static final Secret PASSWORD = Secret.of("Zq9!sunflower-42");

    @Nested
    class WithAWorkingKeychain {
        private final FakeKeychain keychain = new FakeKeychain();

        @Test
        void selectorChoosesTheKeychainAfterARoundTripAndLeavesNoProbeBehind() {
            SecretStore store = SecretStoreSelector.select(() -> keychain, Duration.ofSeconds(5));
            assertThat(store).isInstanceOf(KeyringSecretStore.class);
            assertThat(store.availability()).isEqualTo(SecretAvailability.keychain("Fake Keychain"));
            assertThat(keychain.entries).isEmpty();
        }

        @Test
        void passwordsArePutReadAndDeletedByProfileId() throws Exception {
            KeyringSecretStore store = new KeyringSecretStore(keychain);
            store.put("id-1", PASSWORD);
            assertThat(keychain.entries).containsEntry("Relay Doctor/profile:id-1", PASSWORD.reveal());
            assertThat(store.get("id-1")).contains(PASSWORD);
            assertThat(store.get("id-2")).isEmpty();
            store.delete("id-1");
            store.delete("id-1");
            assertThat(store.get("id-1")).isEmpty();
        }
    }

    @Nested
    class WhenKeyringIsLocked {
        private final FakeKeychain keychain = new FakeKeychain();

        @Test
        void selectorFallsBackToTheSessionAndSaysWhy() {
            keychain.locked = true;
            SecretStore store = SecretStoreSelector.select(() -> keychain, Duration.ofSeconds(5));
            assertThat(store.availability().state()).isEqualTo(SecretAvailability.State.SESSION_ONLY);
            assertThat(store.availability().reason()).contains("IsLocked");
        }

        @Test
        void aFailureAfterSelectionIsAnErrorWithoutThePassword() {
            KeyringSecretStore store = new KeyringSecretStore(keychain);
            keychain.locked = true;
            assertThatThrownBy(() -> store.put("id-1", PASSWORD))
                    .isInstanceOf(SecretStoreException.class)
                    .hasMessageContaining("id-1")
                    .hasMessageNotContaining(PASSWORD.reveal());
        }
    }

    @Nested
    class WhenTheKeychainHangs {
        @Test
        void selectorGivesUpAfterTheTimeOut() throws InterruptedException {
            CountDownLatch never = new CountDownLatch(1);
            SecretStore store = SecretStoreSelector.select(() -> {
                never.await(); // a D-Bus call that never returns
                return new FakeKeychain();
            }, Duration.ofMillis(200));
            assertThat(store).isInstanceOf(SessionSecretStore.class);
            assertThat(store.availability().reason()).contains("did not answer");
            never.countDown();
        }

        @Test
        void aKeychainThatLosesWhatItStoresIsNotUsed() {
            FakeKeychain forgetful = new FakeKeychain() {
                @Override
                public Optional<String> read(String service, String account) {
                    return Optional.empty();
                }
            };
            SecretStore store = SecretStoreSelector.select(() -> forgetful, Duration.ofSeconds(5));
            assertThat(store.availability().persistent()).isFalse();
            assertThat(store.availability().reason()).contains("did not return");
        }
    }

    @Nested
    class OnThisMachine {
        /// The real java-keyring path. The build machines have no Secret Service (no session bus); on a
        /// desktop with a keychain the same test checks the keychain round trip instead.
        @Test
        void realKeychainProbeAnswersAndPasswordsStillWork() throws Exception {
            SecretStore store = SecretStoreSelector.forThisMachine();
            boolean linuxWithoutSessionBus = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                    && System.getenv("DBUS_SESSION_BUS_ADDRESS") == null && System.getenv("DISPLAY") == null;
            if (linuxWithoutSessionBus) {
                assertThat(store).isInstanceOf(SessionSecretStore.class);
                assertThat(store.availability().state()).isEqualTo(SecretAvailability.State.SESSION_ONLY);
                assertThat(store.availability().reason()).isNotBlank();
            }
            String id = "relay-doctor-test-" + System.nanoTime();
            try {
                store.put(id, PASSWORD);
                assertThat(store.get(id)).contains(PASSWORD);
            } finally {
                store.delete(id);
            }
            assertThat(store.get(id)).isEmpty();
        }
    }

    @Nested
    class SavedProfilesKeepSecretsInStep {
        @TempDir
        Path dir;

        private final FakeKeychain keychain = new FakeKeychain();
        private SavedProfiles saved() {
            return new SavedProfiles(new ProfileStore(dir), new KeyringSecretStore(keychain));
        }

        @Test
        void rememberedPasswordComesBackAndDeletingTheProfileDeletesIt() throws Exception {
            StoredProfile office = StoredProfile.create(SampleProfiles.office()).withRememberPassword(true);
            saved().save(office, PASSWORD);
            assertThat(saved().password(office)).contains(PASSWORD);

            assertThat(saved().delete(office.id())).isTrue();
            assertThat(keychain.entries).isEmpty();
            assertThat(saved().load().profiles()).isEmpty();
        }

        @Test
        void turningRememberOffForgetsThePassword() throws Exception {
            StoredProfile office = StoredProfile.create(SampleProfiles.office()).withRememberPassword(true);
            saved().save(office, PASSWORD);
            saved().save(office.withRememberPassword(false), Secret.empty());
            assertThat(keychain.entries).isEmpty();
            assertThat(saved().password(office)).isEmpty();
        }

        @Test
        void passwordIsInNoFileInClearBase64OrHex() throws Exception {
            StoredProfile office = StoredProfile.create(SampleProfiles.office()).withRememberPassword(true);
            SavedProfiles saved = saved();
            saved.save(office, PASSWORD);
            saved.save(office.withProfile(office.profile().withName("Office 2")), PASSWORD); // makes a .bak too
            ProfileFiles.write(dir.resolve("export.json"), saved.load().profiles().stream().map(StoredProfile::profile).toList());

            byte[] clear = PASSWORD.reveal().getBytes(StandardCharsets.UTF_8);
            List<String> forms = List.of(PASSWORD.reveal(), Base64.getEncoder().encodeToString(clear),
                    Base64.getEncoder().withoutPadding().encodeToString(clear),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(clear), HexFormat.of().formatHex(clear),
                    new String(PASSWORD.reveal().getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1));
            List<Path> files;
            try (Stream<Path> s = Files.walk(dir)) {
                files = s.filter(Files::isRegularFile).toList();
            }
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .contains("profiles.json", "profiles.json.bak", "export.json");
            for (Path file : files) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                String lower = text.toLowerCase(Locale.ROOT);
                for (String form : forms) {
                    assertThat(text).as(file + " holds the password as " + form).doesNotContain(form);
                    assertThat(lower).doesNotContain(form.toLowerCase(Locale.ROOT));
                }
            }
            assertThat(keychain.entries).containsValue(PASSWORD.reveal());
        }

        @Test
        void keychainLessSavingKeepsThePasswordForTheSessionOnly() throws IOException, SecretStoreException {
            SessionSecretStore session = new SessionSecretStore("no Secret Service");
            SavedProfiles saved = new SavedProfiles(new ProfileStore(dir), session);
            StoredProfile office = StoredProfile.create(SampleProfiles.office()).withRememberPassword(true);
            saved.save(office, PASSWORD);
            assertThat(saved.password(office)).contains(PASSWORD);
            assertThat(saved.secrets().availability().persistent()).isFalse();
            // a new program run: the profile is there, its password is not
            SavedProfiles nextRun = new SavedProfiles(new ProfileStore(dir), new SessionSecretStore("no Secret Service"));
            StoredProfile reloaded = nextRun.load().profiles().getFirst();
            assertThat(reloaded.rememberPassword()).isTrue();
            assertThat(nextRun.password(reloaded)).isEmpty();
        }
    }

    @Test
    void findAndFreeNameWorkOnNamesAndIds() {
        StoredProfile office = StoredProfile.create(SampleProfiles.office());
        List<StoredProfile> list = List.of(office);
        assertThat(SavedProfiles.find(list, "office")).contains(office);
        assertThat(SavedProfiles.find(list, office.id())).contains(office);
        assertThat(SavedProfiles.find(list, "home")).isEmpty();
        assertThat(SavedProfiles.freeName(list, "Office")).isEqualTo("Office (2)");
        assertThat(SavedProfiles.freeName(list, "Home")).isEqualTo("Home");
    }

    @Test
    void aPendingStoreOpensAtOnceAndSavesOnceTheKeychainIsKnown() throws Exception {
        java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
        SessionSecretStore keychain = new SessionSecretStore();
        PendingSecretStore pending = PendingSecretStore.start(() -> {
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return keychain;
        });
        assertThat(pending.availability().state()).isEqualTo(SecretAvailability.State.PENDING);

        Thread saver = Thread.ofPlatform().start(() -> {
            try {
                pending.put("p1", Secret.of("pw"));
            } catch (SecretStoreException e) {
                throw new IllegalStateException(e);
            }
        });
        saver.join(200);
        assertThat(saver.isAlive()).as("the save waits for the keychain").isTrue();
        answer.countDown();
        saver.join(5_000);
        assertThat(keychain.get("p1")).contains(Secret.of("pw"));
        assertThat(pending.availability()).isEqualTo(keychain.availability());
        assertThat(pending.get("p1")).contains(Secret.of("pw"));
    }

    @Test
    void aDeferredStoreProbesOnlyAtBeginOrAtTheFirstRead() throws Exception {
        java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
        SessionSecretStore keychain = new SessionSecretStore();
        PendingSecretStore deferred = PendingSecretStore.deferred(() -> {
            probes.incrementAndGet();
            return keychain;
        });
        Thread waiter = Thread.ofPlatform().start(deferred::awaitAvailability);
        waiter.join(200);
        assertThat(waiter.isAlive()).as("awaiting the availability does not start the probe").isTrue();
        assertThat(probes).hasValue(0);
        assertThat(deferred.availability().state()).isEqualTo(SecretAvailability.State.PENDING);

        deferred.begin();
        deferred.begin();
        waiter.join(5_000);
        assertThat(waiter.isAlive()).isFalse();
        assertThat(deferred.availability()).isEqualTo(keychain.availability());
        assertThat(probes).as("begin starts the probe once").hasValue(1);

        PendingSecretStore readFirst = PendingSecretStore.deferred(() -> keychain);
        keychain.put("p2", Secret.of("pw2"));
        assertThat(readFirst.get("p2")).as("a read starts a probe not yet begun").contains(Secret.of("pw2"));
    }
}
