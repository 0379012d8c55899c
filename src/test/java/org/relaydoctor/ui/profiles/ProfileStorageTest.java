package org.relaydoctor.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaydoctor.profile.ProfileStore;
import org.relaydoctor.profile.StoredProfile;

class ProfileStorageTest {
    @TempDir
    Path config;

    private static List<String> names(List<StoredProfile> profiles) {
        return profiles.stream().map(p -> p.profile().name()).toList();
    }

    /// The reads started ahead: each test waits for them, or JUnit may delete the folder under a read still running.
    private final java.util.List<Thread> reads = new java.util.ArrayList<>();

    private void inBackground(Runnable read) {
        reads.add(Thread.startVirtualThread(read));
    }

    @org.junit.jupiter.api.AfterEach
    void readsAreDone() throws InterruptedException {
        for (Thread read : reads) {
            read.join();
        }
    }

    @Test
    void theFirstLoadReturnsTheReadStartedAheadAndLaterLoadsReadAgain() throws Exception {
        new ProfileStore(config).save(List.of(StoredProfile.create(ProfileEditorViewModelTest.sample().withName("Office"))));
        ProfileStorage storage = ProfileStorage.readingAhead(new ProfileStore(config), this::inBackground);

        assertThat(names(storage.load().profiles())).containsExactly("Office");

        new ProfileStore(config).save(List.of(StoredProfile.create(ProfileEditorViewModelTest.sample().withName("Home"))));
        assertThat(names(storage.load().profiles())).containsExactly("Home");
    }

    @Test
    void aSaveBeforeTheFirstLoadIsNeverUndoneByTheOlderRead() throws Exception {
        new ProfileStore(config).save(List.of(StoredProfile.create(ProfileEditorViewModelTest.sample().withName("Old"))));
        ProfileStorage storage = ProfileStorage.readingAhead(new ProfileStore(config), this::inBackground);

        storage.save(List.of(StoredProfile.create(ProfileEditorViewModelTest.sample().withName("New"))));

        assertThat(names(storage.load().profiles())).containsExactly("New");
    }

    @Test
    void aFinishedReadAheadIsReadyAtOnceAndOnlyOnce() throws Exception {
        new ProfileStore(config).save(List.of(StoredProfile.create(ProfileEditorViewModelTest.sample().withName("Office"))));
        ProfileStorage storage = ProfileStorage.readingAhead(new ProfileStore(config), Runnable::run);

        assertThat(storage.loadIfReady()).hasValueSatisfying(l -> assertThat(names(l.profiles())).containsExactly("Office"));
        assertThat(storage.loadIfReady()).as("the next load reads again, in the background").isEmpty();
        assertThat(names(storage.load().profiles())).containsExactly("Office");
    }

    @Test
    void aReadStillRunningIsNotReadyAndTheLoadWaitsForIt() throws Exception {
        new ProfileStore(config).save(List.of(StoredProfile.create(ProfileEditorViewModelTest.sample().withName("Office"))));
        Runnable[] started = new Runnable[1];
        ProfileStorage storage = ProfileStorage.readingAhead(new ProfileStore(config), read -> started[0] = read);

        assertThat(storage.loadIfReady()).isEmpty();
        inBackground(started[0]);
        assertThat(names(storage.load().profiles())).containsExactly("Office");
    }

    @Test
    void aPlainStorageIsNeverReadyWithoutReading() throws Exception {
        assertThat(ProfileStorage.of(new ProfileStore(config)).loadIfReady()).isEmpty();
    }

    @Test
    void aMissingFolderLoadsAsNoProfiles() throws Exception {
        ProfileStorage storage = ProfileStorage.readingAhead(new ProfileStore(config.resolve("not-yet")), this::inBackground);

        assertThat(storage.load().profiles()).isEmpty();
        assertThat(storage.load().problems()).isEmpty();
    }
}
