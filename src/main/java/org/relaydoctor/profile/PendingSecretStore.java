package org.relaydoctor.profile;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/// A secret store whose real store is still being chosen (the keychain probe can block on D-Bus for seconds):
/// the window opens at once, and reads and writes wait for the choice. Callers are background tasks.
public final class PendingSecretStore implements SecretStore {
    private final CompletableFuture<SecretStore> chosen;

    private PendingSecretStore(CompletableFuture<SecretStore> chosen) {
        this.chosen = chosen;
    }

    /// Starts `selector` (typically {@link SecretStoreSelector#forThisMachine()}) on its own daemon thread.
    public static PendingSecretStore start(Supplier<SecretStore> selector) {
        Objects.requireNonNull(selector, "selector");
        CompletableFuture<SecretStore> chosen = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("secret-store-selector").start(() -> {
            try {
                chosen.complete(selector.get());
            } catch (Throwable t) {
                chosen.complete(new SessionSecretStore(t.getClass().getSimpleName()));
            }
        });
        return new PendingSecretStore(chosen);
    }

    @Override
    public Optional<Secret> get(String profileId) throws SecretStoreException {
        return store().get(profileId);
    }

    @Override
    public void put(String profileId, Secret secret) throws SecretStoreException {
        store().put(profileId, secret);
    }

    @Override
    public void delete(String profileId) throws SecretStoreException {
        store().delete(profileId);
    }

    /// {@link SecretAvailability#pending()} until the store is chosen.
    @Override
    public SecretAvailability availability() {
        SecretStore known = chosen.getNow(null);
        return known == null ? SecretAvailability.pending() : known.availability();
    }

    @Override
    public SecretAvailability awaitAvailability() {
        return store().availability();
    }

    private SecretStore store() {
        try {
            return chosen.join();
        } catch (CompletionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
