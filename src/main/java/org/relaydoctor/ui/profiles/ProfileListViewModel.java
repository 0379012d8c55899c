package org.relaydoctor.ui.profiles;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.relaydoctor.diagnosis.VerdictCode;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;
import org.relaydoctor.profile.LastResult;
import org.relaydoctor.profile.ProfileLoad;
import org.relaydoctor.profile.ProfileProblem;
import org.relaydoctor.profile.SecretAvailability;
import org.relaydoctor.profile.SecretStore;
import org.relaydoctor.profile.SecretStoreException;
import org.relaydoctor.profile.StoredProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.relaydoctor.ui.common.TaskRunner;

/// The profile list: entries, the search filter, the selection with its editor, and delete with undo.
/// Each entry keeps its own editor, so switching profiles never loses what was typed into another one.
/// Saves go through the {@link TaskRunner}; the view debounces {@link #requestSave()} calls.
public final class ProfileListViewModel {
    /// From this many profiles on, the search field is shown.
    public static final int SEARCH_THRESHOLD = 6;
    /// Asked for at the first message, not at class load: the window's first frame does not wait for the logging set-up.
    private static Logger log() {
        return LoggerFactory.getLogger(ProfileListViewModel.class);
    }

    private final ProfileStorage storage;
    private final SecretStore secrets;
    private final TaskRunner tasks;
    /// The passwords as last written to the secret store, by profile id; touched only inside save tasks.
    private final Map<String, Secret> remembered = new java.util.concurrent.ConcurrentHashMap<>();
    private final ObservableList<StoredProfile> entries = FXCollections.observableArrayList();
    private final FilteredList<StoredProfile> visible = new FilteredList<>(entries, e -> true);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<StoredProfile> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<ProfileEditorViewModel> editor = new ReadOnlyObjectWrapper<>(this, "editor");
    private final ReadOnlyObjectWrapper<StoredProfile> undoable = new ReadOnlyObjectWrapper<>(this, "undoable");
    private final ReadOnlyBooleanWrapper searchShown = new ReadOnlyBooleanWrapper(this, "searchShown");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyObjectWrapper<String> saveProblem = new ReadOnlyObjectWrapper<>(this, "saveProblem");
    private final Map<String, ProfileEditorViewModel> editors = new HashMap<>();
    private final java.util.Set<String> sessionOnly = new java.util.HashSet<>();
    private final ReadOnlyObjectWrapper<SecretAvailability> secretAvailability;
    private int undoIndex;
    private boolean readOnly;
    private Runnable saveRequest = this::saveNow;

    public ProfileListViewModel(ProfileStorage storage, SecretStore secrets, TaskRunner tasks) {
        this.storage = storage;
        this.secrets = secrets;
        this.tasks = tasks;
        this.secretAvailability = new ReadOnlyObjectWrapper<>(this, "secretAvailability", secrets.availability());
        search.addListener((o, was, now) -> {
            String needle = now.strip().toLowerCase(Locale.ROOT);
            visible.setPredicate(e -> needle.isEmpty() || matches(e, needle));
        });
        entries.addListener((javafx.collections.ListChangeListener<StoredProfile>) c ->
                searchShown.set(entries.size() >= SEARCH_THRESHOLD));
        selected.addListener((o, was, now) -> editor.set(now == null ? null : editorFor(now)));
    }

    /// Loads the saved profiles in the background; problems (a broken entry set aside) go to `onProblems`.
    /// Remembered passwords follow in a second task: the keychain may still be probed, and the list should
    /// not wait for it.
    public void load(Consumer<List<ProfileProblem>> onProblems, Consumer<Throwable> onFailure) {
        Optional<ProfileLoad> ready;
        try {
            ready = storage.loadIfReady();
        } catch (IOException | RuntimeException e) {
            ready = Optional.empty(); // the background load reads again and reports what fails
        }
        if (ready.isPresent()) {
            applyLoad(ready.get(), onProblems);
        } else {
            tasks.run("load profiles", storage::load, (ProfileLoad result) -> applyLoad(result, onProblems), e -> {
                loaded.set(true);
                onFailure.accept(e);
            });
        }
    }

    /// Whether the first {@link #load} has ended (also when it failed): until then an empty list means "not read yet",
    /// not "no profiles".
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    private void applyLoad(ProfileLoad loaded, Consumer<List<ProfileProblem>> onProblems) {
        readOnly = loaded.readOnly();
        for (StoredProfile p : loaded.profiles()) {
            ProfileEditorViewModel vm = newEditor(p);
            vm.load(p.profile(), Secret.empty(), Secret.empty(), p.rememberPassword());
            editors.put(p.id(), vm);
        }
        entries.setAll(loaded.profiles());
        this.loaded.set(true);
        if (loaded.hasProblems()) {
            onProblems.accept(loaded.problems());
        }
        if (!entries.isEmpty()) {
            selected.set(entries.getFirst());
        }
        loadPasswords(loaded.profiles());
    }

    private void loadPasswords(List<StoredProfile> loaded) {
        tasks.run("load remembered passwords", () -> {
            SecretAvailability availability = secrets.awaitAvailability();
            Map<String, Secret> passwords = new HashMap<>();
            for (StoredProfile p : loaded) {
                if (p.rememberPassword()) {
                    try {
                        secrets.get(p.id()).ifPresent(secret -> passwords.put(p.id(), secret));
                    } catch (SecretStoreException e) {
                        log().warn("No remembered password for a profile: {}", e.getMessage());
                    }
                }
            }
            return new Loaded(availability, passwords);
        }, (Loaded result) -> {
            secretAvailability.set(result.availability());
            for (var e : result.passwords().entrySet()) {
                ProfileEditorViewModel vm = editors.get(e.getKey());
                // What the user typed while the keychain was still answering wins.
                if (vm != null && vm.passwordProperty().get().isEmpty()) {
                    remembered.put(e.getKey(), e.getValue());
                    vm.passwordProperty().set(e.getValue().reveal());
                }
            }
        }, e -> secretAvailability.set(secrets.availability()));
    }

    /// Lets the view put a debounce in front of saving.
    public void setSaveRequest(Runnable request) {
        this.saveRequest = request;
    }

    public void requestSave() {
        saveRequest.run();
    }

    /// Writes the current list in the background.
    public void saveNow() {
        if (readOnly) {
            return;
        }
        List<StoredProfile> snapshot = savable();
        Map<String, Secret> wanted = passwordsToRemember(snapshot);
        tasks.run("save profiles", () -> {
            storage.save(snapshot);
            syncSecrets(wanted);
            return snapshot.size();
        }, n -> saveProblem.set(null), e -> saveProblem.set(String.valueOf(e.getMessage())));
    }

    /// The typed passwords of the profiles with "Remember password" on.
    private Map<String, Secret> passwordsToRemember(List<StoredProfile> snapshot) {
        Map<String, Secret> wanted = new HashMap<>();
        for (StoredProfile p : snapshot) {
            ProfileEditorViewModel vm = editors.get(p.id());
            if (p.rememberPassword() && vm != null && !vm.passwordProperty().get().isEmpty()) {
                wanted.put(p.id(), Secret.of(vm.passwordProperty().get()));
            }
        }
        return wanted;
    }

    /// Puts new or changed passwords into the secret store and forgets those no longer wanted. Runs in a task.
    private synchronized void syncSecrets(Map<String, Secret> wanted) throws SecretStoreException {
        for (var e : wanted.entrySet()) {
            if (!e.getValue().equals(remembered.get(e.getKey()))) {
                secrets.put(e.getKey(), e.getValue());
                remembered.put(e.getKey(), e.getValue());
            }
        }
        for (String id : List.copyOf(remembered.keySet())) {
            if (!wanted.containsKey(id)) {
                secrets.delete(id);
                remembered.remove(id);
            }
        }
    }

    /// What the secret store says about remembered passwords, for the text beside "Remember password".
    public ReadOnlyObjectProperty<SecretAvailability> secretAvailabilityProperty() {
        return secretAvailability.getReadOnlyProperty();
    }

    private record Loaded(SecretAvailability availability, Map<String, Secret> passwords) {}

    /// The entries the store can hold: a new profile is kept in the editor until its address and outgoing
    /// server are typed, so an unfinished one never turns into a broken entry on disk.
    private List<StoredProfile> savable() {
        return entries.stream()
                .filter(e -> !e.profile().email().isBlank() && !e.profile().outgoing().host().isBlank())
                .filter(e -> !sessionOnly.contains(e.id()))
                .toList();
    }

    /// Writes the list now, on the calling thread: for the window's close, when no background task may finish.
    public void flush() {
        if (readOnly) {
            return;
        }
        try {
            List<StoredProfile> snapshot = savable();
            storage.save(snapshot);
            syncSecrets(passwordsToRemember(snapshot));
        } catch (java.io.IOException | SecretStoreException e) {
            saveProblem.set(String.valueOf(e.getMessage()));
        }
    }

    /// Adds an empty profile (named by `name`) and selects it.
    public StoredProfile createNew(String name) {
        AccountProfile blank = new AccountProfile(uniqueName(name), "", "",
                new IncomingServer(MailProtocol.IMAP, "", 993, Security.SSL_TLS),
                new OutgoingServer("", 587, Security.STARTTLS), "", new SmtpAuth.SameAsIncoming(), false, "",
                AccountProfile.DEFAULT_TIMEOUT);
        return add(StoredProfile.create(blank).withRememberPassword(true), Secret.empty(), Secret.empty());
    }

    /// Adds a ready profile (demo, provider) with its password for this session, and selects it.
    public StoredProfile add(StoredProfile entry, Secret incomingPassword, Secret outgoingPassword) {
        ProfileEditorViewModel vm = newEditor(entry);
        vm.load(entry.profile(), incomingPassword, outgoingPassword, entry.rememberPassword());
        editors.put(entry.id(), vm);
        entries.add(entry);
        search.set("");
        selected.set(entry);
        requestSave();
        return entry;
    }

    /// Adds a profile that lives for this session only (the demo's: its servers' ports change every run).
    public StoredProfile addForSession(StoredProfile entry, Secret incomingPassword) {
        sessionOnly.add(entry.id());
        return add(entry, incomingPassword, Secret.empty());
    }

    /// Copies the selected profile under a new name, password included.
    public Optional<StoredProfile> duplicateSelected(String copySuffix) {
        StoredProfile source = selected.get();
        if (source == null) {
            return Optional.empty();
        }
        ProfileEditorViewModel sourceEditor = editorFor(source);
        AccountProfile p = sourceEditor.currentProfile().orElse(source.profile());
        StoredProfile copy = StoredProfile.create(p.withName(uniqueName(p.name() + " " + copySuffix)));
        return Optional.of(add(copy, Secret.of(sourceEditor.passwordProperty().get()),
                Secret.of(sourceEditor.smtpPasswordProperty().get())));
    }

    /// Renames the selected profile; a blank name is refused.
    public boolean renameSelected(String newName) {
        StoredProfile entry = selected.get();
        if (entry == null || newName.isBlank()) {
            return false;
        }
        editorFor(entry).profileNameProperty().set(newName.strip());
        return true;
    }

    /// Removes the selected profile; {@link #undoDelete()} brings it back until the next delete.
    public Optional<StoredProfile> deleteSelected() {
        StoredProfile entry = selected.get();
        if (entry == null) {
            return Optional.empty();
        }
        undoIndex = entries.indexOf(entry);
        entries.remove(entry);
        undoable.set(entry);
        selected.set(entries.isEmpty() ? null : entries.get(Math.min(undoIndex, entries.size() - 1)));
        requestSave();
        return Optional.of(entry);
    }

    public void undoDelete() {
        StoredProfile entry = undoable.get();
        if (entry == null) {
            return;
        }
        entries.add(Math.min(undoIndex, entries.size()), entry);
        undoable.set(null);
        selected.set(entry);
        requestSave();
    }

    /// Records a check's verdict on the entry it ran for.
    public void recordVerdict(String id, VerdictCode code) {
        replace(id, e -> e.withLastResult(new LastResult(code.name(), java.time.Instant.now())));
        requestSave();
    }

    public ProfileEditorViewModel editorFor(StoredProfile entry) {
        return editors.computeIfAbsent(entry.id(), id -> {
            ProfileEditorViewModel vm = newEditor(entry);
            vm.load(entry.profile(), Secret.empty(), Secret.empty(), entry.rememberPassword());
            return vm;
        });
    }

    private ProfileEditorViewModel newEditor(StoredProfile entry) {
        ProfileEditorViewModel vm = new ProfileEditorViewModel();
        String id = entry.id();
        // Only valid states are written back; the typed text stays in the editor either way.
        vm.profileProperty().addListener((o, was, now) -> {
            if (now != null) {
                replace(id, e -> e.withProfile(now));
                requestSave();
            }
        });
        vm.rememberPasswordProperty().addListener((o, was, now) -> {
            replace(id, e -> e.withRememberPassword(now));
            requestSave();
        });
        return vm;
    }

    private void replace(String id, java.util.function.UnaryOperator<StoredProfile> change) {
        for (int i = 0; i < entries.size(); i++) {
            StoredProfile e = entries.get(i);
            if (e.id().equals(id)) {
                StoredProfile changed = change.apply(e);
                boolean wasSelected = e == selected.get();
                entries.set(i, changed);
                if (wasSelected) {
                    selected.set(changed);
                }
                return;
            }
        }
    }

    private String uniqueName(String base) {
        String name = base;
        for (int n = 2; nameTaken(name); n++) {
            name = base + " (" + n + ")";
        }
        return name;
    }

    private boolean nameTaken(String name) {
        return entries.stream().anyMatch(e -> e.profile().name().equalsIgnoreCase(name));
    }

    private static boolean matches(StoredProfile e, String needle) {
        AccountProfile p = e.profile();
        return p.name().toLowerCase(Locale.ROOT).contains(needle) || p.email().toLowerCase(Locale.ROOT).contains(needle)
                || p.outgoing().host().toLowerCase(Locale.ROOT).contains(needle);
    }

    public ObservableList<StoredProfile> entries() { return entries; }
    public ObservableList<StoredProfile> visibleEntries() { return visible; }
    public StringProperty searchProperty() { return search; }
    public ObjectProperty<StoredProfile> selectedProperty() { return selected; }
    public ReadOnlyObjectProperty<ProfileEditorViewModel> editorProperty() { return editor.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<StoredProfile> undoableProperty() { return undoable.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty searchShownProperty() { return searchShown.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<String> saveProblemProperty() { return saveProblem.getReadOnlyProperty(); }

    /// The last verdict of an entry, when it names a code this version knows.
    public static Optional<VerdictCode> lastVerdict(StoredProfile entry) {
        return entry.lastResult().flatMap(r -> java.util.Arrays.stream(VerdictCode.values())
                .filter(c -> c.name().equals(r.verdictCode())).findFirst());
    }
}
