package org.relaydoctor.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaydoctor.diagnosis.VerdictCode;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.SessionSecretStore;
import org.relaydoctor.profile.StoredProfile;
import org.relaydoctor.ui.common.TaskRunner;

class ProfileListViewModelTest {
    private final ProfileStorage storage = ProfileStorage.inMemory();
    private final SessionSecretStore secrets = new SessionSecretStore();
    private final ProfileListViewModel vm = new ProfileListViewModel(storage, secrets, TaskRunner.direct());

    private StoredProfile addSample(String name) {
        return vm.add(StoredProfile.create(ProfileEditorViewModelTest.sample().withName(name)).withRememberPassword(true), Secret.of("pw"),
                Secret.empty());
    }

    @Test
    void editsOfAValidProfileAreSavedAndUnfinishedOnesAreNot() throws IOException {
        addSample("Work");
        vm.createNew("New account");
        assertThat(vm.entries()).hasSize(2);
        assertThat(storage.load().profiles()).extracting(StoredProfile::name).containsExactly("Work");

        vm.editorProperty().get().emailProperty().set("bob@example.net");
        vm.editorProperty().get().outgoingHostProperty().set("smtp.example.net");
        vm.editorProperty().get().incomingHostProperty().set("imap.example.net");
        assertThat(storage.load().profiles()).extracting(StoredProfile::name).containsExactly("Work", "New account");
    }

    @Test
    void sessionProfilesAreNeverSaved() throws IOException {
        addSample("Saved");
        vm.addForSession(StoredProfile.create(ProfileEditorViewModelTest.sample().withName("Demo")), Secret.of("x"));
        assertThat(vm.entries()).hasSize(2);
        assertThat(storage.load().profiles()).extracting(StoredProfile::name).containsExactly("Saved");
    }

    @Test
    void deleteCanBeUndoneInPlace() throws IOException {
        addSample("A");
        addSample("B");
        addSample("C");
        vm.selectedProperty().set(vm.entries().get(1));
        vm.deleteSelected();
        assertThat(vm.entries()).extracting(StoredProfile::name).containsExactly("A", "C");
        assertThat(vm.undoableProperty().get().name()).isEqualTo("B");
        vm.undoDelete();
        assertThat(vm.entries()).extracting(StoredProfile::name).containsExactly("A", "B", "C");
        assertThat(vm.undoableProperty().get()).isNull();
        assertThat(storage.load().profiles()).hasSize(3);
    }

    @Test
    void duplicateGetsAFreeNameAndThePassword() {
        addSample("Work");
        vm.duplicateSelected("copy");
        vm.selectedProperty().set(vm.entries().getFirst());
        vm.duplicateSelected("copy");
        assertThat(vm.entries()).extracting(StoredProfile::name).containsExactly("Work", "Work copy", "Work copy (2)");
        assertThat(vm.editorProperty().get().passwordProperty().get()).isEqualTo("pw");
    }

    @Test
    void renameAndSearch() {
        addSample("Work");
        addSample("Home");
        assertThat(vm.renameSelected("  ")).isFalse();
        assertThat(vm.renameSelected("Family")).isTrue();
        assertThat(vm.entries()).extracting(StoredProfile::name).containsExactly("Work", "Family");
        vm.searchProperty().set("fam");
        assertThat(vm.visibleEntries()).extracting(StoredProfile::name).containsExactly("Family");
    }

    @Test
    void searchFieldAppearsWhenThereAreMany() {
        for (int i = 0; i < ProfileListViewModel.SEARCH_THRESHOLD - 1; i++) {
            addSample("P" + i);
        }
        assertThat(vm.searchShownProperty().get()).isFalse();
        addSample("one more");
        assertThat(vm.searchShownProperty().get()).isTrue();
    }

    @Test
    void typedTextSurvivesSwitchingProfiles() {
        StoredProfile first = addSample("First");
        addSample("Second");
        vm.selectedProperty().set(first);
        vm.editorProperty().get().emailProperty().set("half-typed@");
        vm.selectedProperty().set(vm.entries().get(1));
        vm.selectedProperty().set(vm.entries().getFirst());
        assertThat(vm.editorProperty().get().emailProperty().get()).isEqualTo("half-typed@");
    }

    @Test
    void verdictIsRecordedForTheBadge() throws IOException {
        StoredProfile entry = addSample("Work");
        vm.recordVerdict(entry.id(), VerdictCode.AUTH_REQUIRED);
        assertThat(ProfileListViewModel.lastVerdict(vm.entries().getFirst())).contains(VerdictCode.AUTH_REQUIRED);
        assertThat(storage.load().profiles().getFirst().lastResult()).isPresent();
    }

    @Test
    void rememberedPasswordGoesToTheSecretStoreOnlyWhenAsked() {
        StoredProfile work = addSample("Work");
        assertThat(secrets.get(work.id())).contains(Secret.of("pw"));
        vm.editorProperty().get().rememberPasswordProperty().set(false);
        assertThat(secrets.get(work.id())).isEmpty();
    }

    @Test
    void loadsWhatWasSavedWithItsRememberedPassword() {
        addSample("Work");
        ProfileListViewModel other = new ProfileListViewModel(storage, secrets, TaskRunner.direct());
        other.load(problems -> {}, e -> {});
        assertThat(other.entries()).extracting(StoredProfile::name).isEqualTo(List.of("Work"));
        assertThat(other.selectedProperty().get()).isNotNull();
    }

    @Test
    void theListDoesNotWaitForTheKeychainAndTheRememberedPasswordFollows() throws Exception {
        StoredProfile work = addSample("Work");
        java.util.concurrent.CountDownLatch keychainAnswers = new java.util.concurrent.CountDownLatch(1);
        org.relaydoctor.profile.PendingSecretStore pending = org.relaydoctor.profile.PendingSecretStore.start(() -> {
            try {
                keychainAnswers.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return secrets;
        });
        java.util.ArrayDeque<Runnable> queued = new java.util.ArrayDeque<>();
        TaskRunner later = new TaskRunner() {
            @Override
            public <T> void run(String name, java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> ok,
                    java.util.function.Consumer<Throwable> failed) {
                queued.add(() -> TaskRunner.direct().run(name, work, ok, failed));
            }
        };
        ProfileListViewModel other = new ProfileListViewModel(storage, pending, later);
        assertThat(other.secretAvailabilityProperty().get().state())
                .isEqualTo(org.relaydoctor.profile.SecretAvailability.State.PENDING);

        other.load(problems -> {}, e -> {});
        queued.pop().run(); // the profiles; the passwords' task waits in the queue
        assertThat(queued).isNotEmpty();
        assertThat(other.entries()).extracting(StoredProfile::name).containsExactly("Work");
        assertThat(other.editorProperty().get().passwordProperty().get()).isEmpty();

        keychainAnswers.countDown();
        while (!queued.isEmpty()) {
            queued.pop().run();
        }
        assertThat(other.editorProperty().get().passwordProperty().get()).isEqualTo("pw");
        assertThat(other.secretAvailabilityProperty().get().state())
                .isEqualTo(org.relaydoctor.profile.SecretAvailability.State.SESSION_ONLY);
        assertThat(secrets.get(work.id())).contains(Secret.of("pw"));
    }

    @Test
    void itIsLoadedOnceTheReadEndsWellOrBadly() {
        ProfileListViewModel fine = new ProfileListViewModel(storage, secrets, TaskRunner.direct());
        assertThat(fine.loadedProperty().get()).isFalse();
        fine.load(problems -> {}, e -> {});
        assertThat(fine.loadedProperty().get()).isTrue();

        ProfileStorage unreadable = new ProfileStorage() {
            @Override
            public org.relaydoctor.profile.ProfileLoad load() throws IOException {
                throw new java.nio.file.AccessDeniedException("profiles.json");
            }

            @Override
            public void save(List<StoredProfile> profiles) {}
        };
        ProfileListViewModel failing = new ProfileListViewModel(unreadable, secrets, TaskRunner.direct());
        List<Throwable> failures = new java.util.ArrayList<>();
        failing.load(problems -> {}, failures::add);
        assertThat(failures).singleElement().isInstanceOf(java.nio.file.AccessDeniedException.class);
        assertThat(failing.loadedProperty().get()).as("the empty state, with its 'create' button, may show").isTrue();
    }
}
