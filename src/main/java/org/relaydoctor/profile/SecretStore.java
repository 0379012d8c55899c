package org.relaydoctor.profile;

import java.util.Optional;

/// Where remembered passwords live, keyed by a saved profile's id — never in the profile file.
/// Calls may block (a keychain can show an unlock prompt): the GUI calls them off the FX thread.
public interface SecretStore {

    /// The password remembered for `profileId`, if any.
    Optional<Secret> get(String profileId) throws SecretStoreException;

    /// Remembers `secret` for `profileId`, replacing an earlier one.
    void put(String profileId, Secret secret) throws SecretStoreException;

    /// Forgets the password of `profileId`; nothing happens when there is none.
    void delete(String profileId) throws SecretStoreException;

    /// Whether passwords outlive the program, and why not when they do not.
    SecretAvailability availability();

    /// Like {@link #availability()}, but waits until the store knows where passwords go. Off the FX thread.
    default SecretAvailability awaitAvailability() {
        return availability();
    }
}
