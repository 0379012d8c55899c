package org.relaydoctor.profile;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/// A profile as the store keeps it: the account settings plus what the program knows about them.
/// The password is never here: with `rememberPassword` on, it sits in a {@link SecretStore} under `id`.
///
/// @param id                stable key, survives renaming; the secret store's key
/// @param profile           the account settings
/// @param rememberPassword  "Remember password": the password is looked up in the secret store by `id`
/// @param lastResult        the last check's verdict and time, empty before the first check
public record StoredProfile(String id, AccountProfile profile, boolean rememberPassword,
        Optional<LastResult> lastResult) {

    public StoredProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(lastResult, "lastResult");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is blank");
        }
    }

    /// A profile new to the store, with a fresh id, no remembered password and no result yet.
    public static StoredProfile create(AccountProfile profile) {
        return new StoredProfile(newId(), profile, false, Optional.empty());
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public String name() {
        return profile.name();
    }

    public StoredProfile withProfile(AccountProfile value) {
        return new StoredProfile(id, value, rememberPassword, lastResult);
    }

    public StoredProfile withRememberPassword(boolean value) {
        return new StoredProfile(id, profile, value, lastResult);
    }

    public StoredProfile withLastResult(LastResult value) {
        return new StoredProfile(id, profile, rememberPassword, Optional.of(value));
    }
}
