package org.relaydoctor.profile;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/// The saved profiles together with their remembered passwords: the one place that keeps the two in step
/// (saving with "Remember password" puts the secret, turning it off or deleting the profile deletes it).
/// The GUI and the CLI both use it.
public final class SavedProfiles {
    private final ProfileStore store;
    private final SecretStore secrets;

    public SavedProfiles(ProfileStore store, SecretStore secrets) {
        this.store = Objects.requireNonNull(store, "store");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    public ProfileStore store() {
        return store;
    }

    public SecretStore secrets() {
        return secrets;
    }

    public ProfileLoad load() throws IOException {
        return store.load();
    }

    /// Adds or replaces (by id) `profile`. With "Remember password" on and a non-empty `password`, the
    /// password goes to the secret store; with it off, any remembered password is forgotten. An empty
    /// password with the box on keeps the one remembered before (the editor shows no password it read back).
    /// The profile is saved first: a keychain failure then leaves the profile safe and the error to report.
    public void save(StoredProfile profile, Secret password) throws IOException, SecretStoreException {
        store.update(list -> {
            int at = indexOf(list, profile.id());
            if (at < 0) {
                list.add(profile);
            } else {
                list.set(at, profile);
            }
            return list;
        });
        if (!profile.rememberPassword()) {
            secrets.delete(profile.id());
        } else if (!password.isEmpty()) {
            secrets.put(profile.id(), password);
        }
    }

    /// Deletes the profile and its remembered password.
    /// @return whether the profile was there
    public boolean delete(String id) throws IOException, SecretStoreException {
        boolean removed = store.remove(id);
        secrets.delete(id);
        return removed;
    }

    /// The remembered password of `profile`, when "Remember password" is on and one is stored.
    public Optional<Secret> password(StoredProfile profile) throws SecretStoreException {
        return profile.rememberPassword() ? secrets.get(profile.id()) : Optional.empty();
    }

    /// The profile named `nameOrId` (names compared without regard to case), or with that id.
    public static Optional<StoredProfile> find(List<StoredProfile> profiles, String nameOrId) {
        String wanted = nameOrId.strip();
        return profiles.stream().filter(p -> p.id().equals(wanted)).findFirst()
                .or(() -> profiles.stream()
                        .filter(p -> p.name().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
                        .findFirst());
    }

    /// `name`, or `name (2)`, `name (3)`… — the first not taken in `profiles`, for imports.
    public static String freeName(List<StoredProfile> profiles, String name) {
        String candidate = name;
        for (int n = 2; find(profiles, candidate).isPresent(); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    private static int indexOf(List<StoredProfile> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
