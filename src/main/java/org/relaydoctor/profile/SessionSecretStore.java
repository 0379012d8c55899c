package org.relaydoctor.profile;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/// Passwords kept in memory for the program's lifetime: the fallback when no keychain works, and the store
/// for tests.
public final class SessionSecretStore implements SecretStore {
    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();
    private final SecretAvailability availability;

    public SessionSecretStore() {
        this("");
    }

    /// A session store that tells the UI why the keychain is not used.
    public SessionSecretStore(String reason) {
        this.availability = SecretAvailability.sessionOnly(reason);
    }

    @Override
    public Optional<Secret> get(String profileId) {
        return Optional.ofNullable(secrets.get(profileId));
    }

    @Override
    public void put(String profileId, Secret secret) {
        secrets.put(Objects.requireNonNull(profileId, "profileId"), Objects.requireNonNull(secret, "secret"));
    }

    @Override
    public void delete(String profileId) {
        secrets.remove(profileId);
    }

    @Override
    public SecretAvailability availability() {
        return availability;
    }
}
