package org.relaydoctor.profile;

import java.util.Objects;
import java.util.Optional;

/// Passwords in the operating system's keychain, one entry per profile: service "Relay Doctor", account
/// `profile:<id>`. Error messages name the profile id and the operation, never the password.
public final class KeyringSecretStore implements SecretStore {
    static final String SERVICE = "Relay Doctor";

    private final KeychainBackend backend;

    public KeyringSecretStore(KeychainBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    static String account(String profileId) {
        return "profile:" + profileId;
    }

    @Override
    public Optional<Secret> get(String profileId) throws SecretStoreException {
        try {
            return backend.read(SERVICE, account(profileId)).filter(s -> !s.isEmpty()).map(Secret::of);
        } catch (Exception e) {
            throw failure("read", profileId, e);
        }
    }

    @Override
    public void put(String profileId, Secret secret) throws SecretStoreException {
        try {
            backend.write(SERVICE, account(profileId), secret.reveal());
        } catch (Exception e) {
            throw failure("store", profileId, e);
        }
    }

    @Override
    public void delete(String profileId) throws SecretStoreException {
        try {
            backend.remove(SERVICE, account(profileId));
        } catch (Exception e) {
            throw failure("delete", profileId, e);
        }
    }

    @Override
    public SecretAvailability availability() {
        return SecretAvailability.keychain(backend.name());
    }

    private SecretStoreException failure(String operation, String profileId, Exception e) {
        // The backend's own message is dropped on purpose: some put the value they were given into it.
        return new SecretStoreException(backend.name() + " could not " + operation + " the password of profile "
                + profileId + " (" + e.getClass().getSimpleName() + ")", null);
    }
}
