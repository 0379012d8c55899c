package org.relaydoctor.ui.profiles;

import java.time.Duration;
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
import org.relaydoctor.ui.common.TaskRunner;

/// The profile list: entries, the search filter, the selection with its editor, and delete with undo.
/// Each entry keeps its own editor, so switching profiles never loses what was typed into another one.
/// Saves go through the {@link TaskRunner}; the view debounces {@link #requestSave()} calls.
public final class ProfileListViewModel {
    /// From this many profiles on, the search field is shown.
    public static final int SEARCH_THRESHOLD = 6;

    private final ProfileStorage storage;
    private final TaskRunner tasks;
    private final ObservableList<ProfileEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<ProfileEntry> visible = new FilteredList<>(entries, e -> true);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<ProfileEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<ProfileEditorViewModel> editor = new ReadOnlyObjectWrapper<>(this, "editor");
    private final ReadOnlyObjectWrapper<ProfileEntry> undoable = new ReadOnlyObjectWrapper<>(this, "undoable");
    private final ReadOnlyBooleanWrapper searchShown = new ReadOnlyBooleanWrapper(this, "searchShown");
    private final ReadOnlyObjectWrapper<String> saveProblem = new ReadOnlyObjectWrapper<>(this, "saveProblem");
    private final Map<String, ProfileEditorViewModel> editors = new HashMap<>();
    private int undoIndex;
    private Runnable saveRequest = this::saveNow;

    public ProfileListViewModel(ProfileStorage storage, TaskRunner tasks) {
        this.storage = storage;
        this.tasks = tasks;
        search.addListener((o, was, now) -> {
            String needle = now.strip().toLowerCase(Locale.ROOT);
            visible.setPredicate(e -> needle.isEmpty() || matches(e, needle));
        });
        entries.addListener((javafx.collections.ListChangeListener<ProfileEntry>) c ->
                searchShown.set(entries.size() >= SEARCH_THRESHOLD));
        selected.addListener((o, was, now) -> editor.set(now == null ? null : editorFor(now)));
    }

    /// Loads the saved profiles in the background.
    public void load(Consumer<Throwable> onFailure) {
        tasks.run("load profiles", storage::load, loaded -> {
            entries.setAll(loaded);
            if (!entries.isEmpty()) {
                selected.set(entries.getFirst());
            }
        }, onFailure);
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
        List<ProfileEntry> snapshot = List.copyOf(entries);
        tasks.run("save profiles", () -> {
            storage.save(snapshot);
            return snapshot.size();
        }, n -> saveProblem.set(null), e -> saveProblem.set(String.valueOf(e.getMessage())));
    }

    /// Adds an empty profile (named by `name`) and selects it.
    public ProfileEntry createNew(String name) {
        AccountProfile blank = new AccountProfile(uniqueName(name), "", "",
                new IncomingServer(MailProtocol.IMAP, "", 993, Security.SSL_TLS),
                new OutgoingServer("", 587, Security.STARTTLS), "", new SmtpAuth.SameAsIncoming(), false, "",
                AccountProfile.DEFAULT_TIMEOUT);
        return add(ProfileEntry.create(blank), Secret.empty(), Secret.empty());
    }

    /// Adds a ready profile (demo, provider) with its password for this session, and selects it.
    public ProfileEntry add(ProfileEntry entry, Secret incomingPassword, Secret outgoingPassword) {
        ProfileEditorViewModel vm = newEditor(entry);
        vm.load(entry.profile(), incomingPassword, outgoingPassword, entry.rememberPassword());
        editors.put(entry.id(), vm);
        entries.add(entry);
        search.set("");
        selected.set(entry);
        requestSave();
        return entry;
    }

    /// Copies the selected profile under a new name, password included.
    public Optional<ProfileEntry> duplicateSelected(String copySuffix) {
        ProfileEntry source = selected.get();
        if (source == null) {
            return Optional.empty();
        }
        ProfileEditorViewModel sourceEditor = editorFor(source);
        AccountProfile p = sourceEditor.currentProfile().orElse(source.profile());
        ProfileEntry copy = ProfileEntry.create(p.withName(uniqueName(p.name() + " " + copySuffix)));
        return Optional.of(add(copy, Secret.of(sourceEditor.passwordProperty().get()),
                Secret.of(sourceEditor.smtpPasswordProperty().get())));
    }

    /// Renames the selected profile; a blank name is refused.
    public boolean renameSelected(String newName) {
        ProfileEntry entry = selected.get();
        if (entry == null || newName.isBlank()) {
            return false;
        }
        editorFor(entry).profileNameProperty().set(newName.strip());
        return true;
    }

    /// Removes the selected profile; {@link #undoDelete()} brings it back until the next delete.
    public Optional<ProfileEntry> deleteSelected() {
        ProfileEntry entry = selected.get();
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
        ProfileEntry entry = undoable.get();
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
        replace(id, e -> e.withLastVerdict(code));
        requestSave();
    }

    public ProfileEditorViewModel editorFor(ProfileEntry entry) {
        return editors.computeIfAbsent(entry.id(), id -> {
            ProfileEditorViewModel vm = newEditor(entry);
            vm.load(entry.profile(), Secret.empty(), Secret.empty(), entry.rememberPassword());
            return vm;
        });
    }

    private ProfileEditorViewModel newEditor(ProfileEntry entry) {
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
            replace(id, e -> new ProfileEntry(e.id(), e.profile(), now, e.lastVerdict()));
            requestSave();
        });
        return vm;
    }

    private void replace(String id, java.util.function.UnaryOperator<ProfileEntry> change) {
        for (int i = 0; i < entries.size(); i++) {
            ProfileEntry e = entries.get(i);
            if (e.id().equals(id)) {
                ProfileEntry changed = change.apply(e);
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

    private static boolean matches(ProfileEntry e, String needle) {
        AccountProfile p = e.profile();
        return p.name().toLowerCase(Locale.ROOT).contains(needle) || p.email().toLowerCase(Locale.ROOT).contains(needle)
                || p.outgoing().host().toLowerCase(Locale.ROOT).contains(needle);
    }

    public ObservableList<ProfileEntry> entries() { return entries; }
    public ObservableList<ProfileEntry> visibleEntries() { return visible; }
    public StringProperty searchProperty() { return search; }
    public ObjectProperty<ProfileEntry> selectedProperty() { return selected; }
    public ReadOnlyObjectProperty<ProfileEditorViewModel> editorProperty() { return editor.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ProfileEntry> undoableProperty() { return undoable.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty searchShownProperty() { return searchShown.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<String> saveProblemProperty() { return saveProblem.getReadOnlyProperty(); }

    static Duration debounce() {
        return Duration.ofMillis(600);
    }
}
